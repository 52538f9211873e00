package io.yamano.cli;

import io.yamano.datastore.DatastoreName;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;

/**
 * Follows an LCM operation occurrence ({@code state/lcm-operation[id]} under the action's target)
 * in the operational datastore and prints a line each time its state, step or progress changes,
 * until it reaches a final state or the user detaches with Ctrl-C (the operation goes on).
 */
final class ProgressFollower {
  private static final java.time.Duration APPEAR_WITHIN = java.time.Duration.ofSeconds(30);
  private static final Set<String> FINAL = Set.of("completed", "failed", "rolled-back");
  private final CliEnvironment env;
  private final Interaction interaction;

  ProgressFollower(CliEnvironment env, Interaction interaction) {
    this.env = env;
    this.interaction = interaction;
  }

  void follow(
      YangInstanceIdentifier target, String operationId, QName actionName, StringBuilder out) {
    var state = QName.create(actionName, "state");
    var list = QName.create(actionName, "lcm-operation");
    var id = QName.create(actionName, "id");
    var path =
        target.node(state).node(list).node(NodeIdentifierWithPredicates.of(list, id, operationId));
    var changed = new LinkedBlockingQueue<Boolean>();
    String last = "";
    try (var subscription =
        env.datastore()
            .subscribe(DatastoreName.OPERATIONAL, changes -> changed.offer(Boolean.TRUE))) {
      interaction.progress(
          "Following " + operationId + " (Ctrl-C detaches; the operation goes on)");
      long appearBy = System.nanoTime() + APPEAR_WITHIN.toNanos();
      while (true) {
        var entry = env.datastore().snapshot(DatastoreName.OPERATIONAL).readNode(path);
        if (entry.isPresent() && entry.get() instanceof DataContainerNode node) {
          var opState = leaf(node, actionName, "state");
          var line =
              String.format(
                  java.util.Locale.ROOT,
                  "[%3s%%] %s%s",
                  leaf(node, actionName, "progress").isEmpty()
                      ? "--"
                      : leaf(node, actionName, "progress"),
                  opState,
                  leaf(node, actionName, "current-step").isEmpty()
                      ? ""
                      : ": " + leaf(node, actionName, "current-step"));
          if (!line.equals(last)) {
            interaction.progress(line);
            last = line;
          }
          if (FINAL.contains(opState)) {
            var error = leaf(node, actionName, "error-message");
            out.append(operationId).append(' ').append(opState);
            if (!error.isEmpty()) {
              out.append(": ").append(error);
            }
            out.append('\n');
            return;
          }
        }
        if (entry.isEmpty() && System.nanoTime() > appearBy) {
          out.append(operationId)
              .append(
                  " did not appear in operational state; see 'show ... state lcm-operation'.\n");
          return;
        }
        if (interaction.detachRequested()) {
          out.append("Detached; ")
              .append(operationId)
              .append(" goes on (see 'show ... state lcm-operation').\n");
          return;
        }
        changed.poll(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.append("Interrupted; ").append(operationId).append(" goes on.\n");
    } catch (Exception e) {
      out.append("Cannot follow ")
          .append(operationId)
          .append(": ")
          .append(e.getMessage())
          .append('\n');
    }
  }

  private static String leaf(DataContainerNode node, QName sibling, String name) {
    var child = node.childByArg(new NodeIdentifier(QName.create(sibling, name)));
    return child instanceof LeafNode<?> leaf ? String.valueOf(leaf.body()) : "";
  }
}
