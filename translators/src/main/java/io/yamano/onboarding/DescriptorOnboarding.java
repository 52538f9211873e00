package io.yamano.onboarding;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.Transaction;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;

/**
 * Checks mapped descriptors against the running configuration with the datastore's own validation
 * (leafrefs across descriptors, {@code must}, {@code when}, {@code unique}, types), and stores
 * them. In lenient mode a node whose {@code when} is false is dropped and reported; anything else
 * the datastore rejects is a refusal with its exact path.
 */
public final class DescriptorOnboarding {
  private static final int MAX_ROUNDS = 64;

  private DescriptorOnboarding() {}

  /**
   * The outcome of a check or store.
   *
   * @param deviations what validation added (drops, refusals)
   * @param stored the descriptors' paths in running, when they were committed
   */
  public record Outcome(List<Deviation> deviations, List<YangInstanceIdentifier> stored) {
    public boolean refused() {
      return deviations.stream().anyMatch(d -> d.kind() == DeviationKind.REFUSED);
    }
  }

  /**
   * Validates {@code documents} together in one transaction on running and, if nothing is refused
   * and {@code commit} is set, commits them.
   */
  public static Outcome apply(
      Datastore datastore,
      List<ContainerNode> documents,
      Mode mode,
      boolean commit,
      String user,
      String comment) {
    var deviations = new ArrayList<Deviation>();
    var drops = new ArrayList<YangInstanceIdentifier>();
    var paths = new ArrayList<YangInstanceIdentifier>();
    var writes = new ArrayList<org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode>();
    for (var document : documents) {
      for (var child : document.body()) {
        if (child instanceof MapNode list) {
          for (var entry : list.body()) {
            paths.add(YangInstanceIdentifier.of(document.name(), list.name(), entry.name()));
            writes.add(entry);
          }
        }
      }
    }
    try (var session = datastore.openInternalSession(user)) {
      for (int round = 0; round < MAX_ROUNDS; round++) {
        Transaction tx;
        try {
          tx = session.newTransaction(DatastoreName.RUNNING);
          for (int i = 0; i < paths.size(); i++) {
            if (round == 0 && tx.read(paths.get(i)).isPresent()) {
              deviations.add(
                  new Deviation(
                      Paths.format(paths.get(i)),
                      DeviationKind.REFUSED,
                      "",
                      "",
                      "a descriptor with this id is already onboarded; delete it (or its package)"
                          + " first"));
            }
            tx.merge(paths.get(i), writes.get(i));
          }
          if (!deviations.isEmpty()) {
            return new Outcome(deviations, List.of());
          }
          for (var drop : drops) {
            tx.remove(drop);
          }
          if (commit) {
            tx.commit(comment);
            return new Outcome(deviations, List.copyOf(paths));
          }
          tx.validate();
          return new Outcome(deviations, List.of());
        } catch (RuntimeException e) {
          deviations.add(
              new Deviation(
                  "/nfv",
                  DeviationKind.REFUSED,
                  "",
                  "",
                  "the datastore refuses: " + e.getMessage()));
          return new Outcome(deviations, List.of());
        } catch (RpcException e) {
          boolean progress = false;
          for (var error : e.errors()) {
            var path = error.path().orElse(YangInstanceIdentifier.of());
            if (mode == Mode.LENIENT
                && error.tag() == ErrorTag.UNKNOWN_ELEMENT
                && !path.isEmpty()
                && !drops.contains(path)) {
              drops.add(path);
              progress = true;
              deviations.add(
                  new Deviation(
                      Paths.format(path), DeviationKind.DROPPED, "", "", error.message()));
            } else {
              deviations.add(
                  new Deviation(
                      Paths.format(path),
                      DeviationKind.REFUSED,
                      "",
                      "",
                      error.message()
                          + " ("
                          + error.tag().xmlName()
                          + error.appTag().map(t -> ", " + t).orElse("")
                          + ")"));
            }
          }
          if (!progress || deviations.stream().anyMatch(d -> d.kind() == DeviationKind.REFUSED)) {
            return new Outcome(deviations, List.of());
          }
        }
      }
    }
    deviations.add(new Deviation("/", DeviationKind.REFUSED, "", "", "validation did not settle"));
    return new Outcome(deviations, List.of());
  }
}
