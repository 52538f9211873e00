package io.yamano.lcm.exec;

import io.yamano.lcm.plan.Action;
import io.yamano.lcm.plan.Ref;
import io.yamano.lcm.plan.Step;
import io.yamano.lcm.plan.Undo;
import io.yamano.vim.OwnedResource;
import io.yamano.vim.PortRequest;
import io.yamano.vim.Reservation;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.VimConnection;
import io.yamano.vim.VimException;
import java.util.Map;
import java.util.concurrent.Semaphore;

/** Runs and undoes single steps against the VIM, within the account's concurrency bound. */
final class StepRunner {

  private final VimConnections vims;

  StepRunner(VimConnections vims) {
    this.vims = vims;
  }

  /**
   * Runs a step.
   *
   * @param outputs outputs of completed steps, by step id (for {@link Ref.FromStep} and
   *     reservations)
   * @return what the step produced (a reservation, a resource or the id of a deleted resource), or
   *     {@code null}
   */
  Object run(Step step, Map<String, Object> outputs) throws VimException, InterruptedException {
    Action action = step.action();
    if (action instanceof Action.ConfigureVnf) {
      return null;
    }
    Semaphore permits = vims.permits(action.account());
    permits.acquire();
    try {
      VimConnection vim = vims.connection(action.account());
      if (action instanceof Action.Reserve reserve) {
        return vim.reserve(reserve.requests());
      }
      if (action instanceof Action.Release release) {
        String id = ((Reservation) outputs.get(release.reserveStep())).id();
        try {
          vim.release(id);
        } catch (VimException e) {
          if (e.reason() != VimException.Reason.NOT_FOUND) {
            throw e;
          }
          // every slot was used: nothing left to give back
        }
        return id;
      }
      if (action instanceof Action.CreateNetwork network) {
        return vim.createNetwork(network.request());
      }
      if (action instanceof Action.CreateCompute compute) {
        var request = compute.request();
        Object reservation = outputs.get(compute.reserveStep());
        if (reservation instanceof Reservation held) {
          request = request.withReservation(held.id());
        }
        return vim.createCompute(request);
      }
      if (action instanceof Action.CreatePort port) {
        return vim.createPort(
            new PortRequest(
                port.name(),
                port.owner(),
                resolve(port.network(), outputs),
                resolve(port.compute(), outputs),
                port.staticIp()));
      }
      if (action instanceof Action.Delete delete) {
        deleteIfPresent(vim, delete.kind(), delete.resourceId());
        return delete.resourceId();
      }
      throw new IllegalStateException("unknown action " + action);
    } finally {
      permits.release();
    }
  }

  /** Undoes a completed step given what it produced. */
  void undo(Step step, Object output) throws VimException, InterruptedException {
    Undo undo = step.undo();
    if (undo instanceof Undo.Nothing || output == null) {
      return;
    }
    Semaphore permits = vims.permits(step.action().account());
    permits.acquire();
    try {
      VimConnection vim = vims.connection(step.action().account());
      if (undo instanceof Undo.DeleteCreated created && output instanceof OwnedResource resource) {
        deleteIfPresent(vim, created.kind(), resource.id());
      } else if (undo instanceof Undo.ReleaseReservation && output instanceof Reservation held) {
        try {
          vim.release(held.id());
        } catch (VimException e) {
          if (e.reason() != VimException.Reason.NOT_FOUND) {
            throw e;
          }
        }
      }
    } finally {
      permits.release();
    }
  }

  static void deleteIfPresent(VimConnection vim, ResourceKind kind, String id) throws VimException {
    try {
      vim.delete(kind, id);
    } catch (VimException e) {
      if (e.reason() != VimException.Reason.NOT_FOUND) {
        throw e;
      }
    }
  }

  /** The VIM id a step's output carries, for the journal. */
  static String resourceId(Object output) {
    if (output instanceof Reservation reservation) {
      return reservation.id();
    }
    if (output instanceof OwnedResource resource) {
      return resource.id();
    }
    if (output instanceof String id) {
      return id;
    }
    return null;
  }

  private static String resolve(Ref ref, Map<String, Object> outputs) {
    if (ref == null) {
      return null;
    }
    if (ref instanceof Ref.Existing existing) {
      return existing.resourceId();
    }
    var from = (Ref.FromStep) ref;
    Object output = outputs.get(from.stepId());
    if (output instanceof OwnedResource resource) {
      return resource.id();
    }
    throw new IllegalStateException("step '" + from.stepId() + "' produced no resource");
  }
}
