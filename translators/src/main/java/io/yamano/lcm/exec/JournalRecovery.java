package io.yamano.lcm.exec;

import io.yamano.vim.OwnedResource;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.VimConnection;
import io.yamano.vim.VimException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Undoes what an interrupted plan left in the VIMs, from its journal alone: every completed step
 * with an undo is undone by its recorded resource id (newest first), and every step that was
 * running when the plan stopped (its VIM call may or may not have happened) is undone by finding
 * the resource it was creating by owner and name among the account's {@linkplain
 * VimConnection#listOwned() owned resources}.
 *
 * <p>A reservation whose call was running when the plan stopped cannot be found (VIMs do not list
 * reservations); it is the only thing recovery cannot give back.
 */
public final class JournalRecovery {

  private final VimConnections vims;

  public JournalRecovery(VimConnections vims) {
    this.vims = vims;
  }

  /**
   * Rolls back one operation.
   *
   * @param undone told of each step once undone
   * @return what could not be undone, for the operation's error message
   */
  public List<String> rollBack(JournaledOperation operation, Consumer<JournaledStep> undone) {
    var problems = new ArrayList<String>();
    var running =
        operation.steps().stream()
            .filter(s -> "running".equals(s.status()) || "failed".equals(s.status()))
            .filter(s -> "delete".equals(s.undo()) && s.resourceName() != null)
            .toList();
    for (JournaledStep step : running) {
      try {
        VimConnection vim = vims.connection(step.account());
        for (OwnedResource resource : vim.listOwned()) {
          if (resource.name().equals(step.resourceName())
              && operation.nsName().equals(resource.owner().nsInstanceId())) {
            StepRunner.deleteIfPresent(vim, resource.kind(), resource.id());
          }
        }
        undone.accept(step);
      } catch (VimException | RuntimeException e) {
        problems.add("step '" + step.id() + "': " + e.getMessage());
      }
    }
    var done =
        operation.steps().stream()
            .filter(s -> "done".equals(s.status()) && s.resourceId() != null)
            .filter(s -> !"none".equals(s.undo()))
            .sorted(Comparator.comparingLong(JournaledStep::sequence).reversed())
            .toList();
    for (JournaledStep step : done) {
      try {
        VimConnection vim = vims.connection(step.account());
        if ("release".equals(step.undo())) {
          try {
            vim.release(step.resourceId());
          } catch (VimException e) {
            if (e.reason() != VimException.Reason.NOT_FOUND) {
              throw e;
            }
          }
        } else {
          var kind = ResourceKind.valueOf(step.resourceKind().toUpperCase(Locale.ROOT));
          StepRunner.deleteIfPresent(vim, kind, step.resourceId());
        }
        undone.accept(step);
      } catch (VimException | RuntimeException e) {
        problems.add("step '" + step.id() + "' (" + step.resourceId() + "): " + e.getMessage());
      }
    }
    return problems;
  }
}
