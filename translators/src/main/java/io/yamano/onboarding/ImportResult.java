package io.yamano.onboarding;

import io.yamano.onboarding.mapping.MappedDocument.DescriptorId;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * What reading one descriptor document gave.
 *
 * @param source the file name the document came from
 * @param format the format recognised
 * @param descriptors the descriptors found, by kind and id
 * @param deviations every change and problem, in the order found
 * @param data the {@code nfv} container in Yamano's model, when the mapping produced one
 */
public record ImportResult(
    String source,
    DescriptorFormat format,
    List<DescriptorId> descriptors,
    List<Deviation> deviations,
    Optional<ContainerNode> data) {
  public ImportResult {
    descriptors = List.copyOf(descriptors);
    deviations = List.copyOf(deviations);
  }

  /** Whether nothing was refused and there is data to store. */
  public boolean accepted() {
    return data.isPresent()
        && deviations.stream().noneMatch(d -> d.kind() == DeviationKind.REFUSED);
  }

  /** How many deviations of that kind. */
  public long count(DeviationKind kind) {
    return deviations.stream().filter(d -> d.kind() == kind).count();
  }

  /** A copy with more deviations (from validation against the datastore). */
  public ImportResult with(List<Deviation> more, Optional<ContainerNode> newData) {
    var all = new java.util.ArrayList<>(deviations);
    all.addAll(more);
    return new ImportResult(source, format, descriptors, all, newData);
  }
}
