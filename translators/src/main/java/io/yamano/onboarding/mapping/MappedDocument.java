package io.yamano.onboarding.mapping;

import java.util.List;

/**
 * The result of mapping: an {@code nfv} document in Yamano's namespace and the descriptors in it.
 *
 * @param xml the {@code <nfv>} element, ready for yangtools' XML parser
 * @param descriptors the descriptors mapped, in input order
 */
public record MappedDocument(String xml, List<DescriptorId> descriptors) {
  public MappedDocument {
    descriptors = List.copyOf(descriptors);
  }

  /**
   * @param kind {@code vnfd}, {@code nsd} or {@code pnfd}
   * @param id the descriptor's {@code id}
   */
  public record DescriptorId(String kind, String id) {
    @Override
    public String toString() {
      return kind + " " + id;
    }
  }
}
