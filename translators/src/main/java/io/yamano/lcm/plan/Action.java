package io.yamano.lcm.plan;

import io.yamano.vim.ComputeRequest;
import io.yamano.vim.NetworkRequest;
import io.yamano.vim.OwnerTag;
import io.yamano.vim.ResourceKind;
import java.util.List;
import java.util.Objects;

/** What a step does. Each kind says which VIM account it talks to and what it creates. */
public sealed interface Action {

  /** The VIM account the action calls, or {@code null} if it calls none. */
  String account();

  /** The name of the VIM resource the action creates, or {@code null}. */
  default String resourceName() {
    return null;
  }

  /** The journal's resource-kind for this action. */
  String resourceKind();

  /** The undo a step with this action gets. */
  Undo undo();

  /** Reserves capacity for the compute resources the plan creates in one account. */
  record Reserve(String account, List<ComputeRequest> requests) implements Action {
    public Reserve {
      Objects.requireNonNull(account, "account");
      requests = List.copyOf(requests);
    }

    @Override
    public String resourceKind() {
      return "reservation";
    }

    @Override
    public Undo undo() {
      return new Undo.ReleaseReservation();
    }
  }

  /** Releases what the reservation made by {@code reserveStep} still holds. */
  record Release(String account, String reserveStep) implements Action {
    @Override
    public String resourceKind() {
      return "reservation";
    }

    @Override
    public Undo undo() {
      return new Undo.Nothing("a released reservation is not taken again");
    }
  }

  /** Creates the network of a virtual link instance. */
  record CreateNetwork(
      String account, String linkId, String virtualLinkDescId, NetworkRequest request)
      implements Action {
    @Override
    public String resourceName() {
      return request.name();
    }

    @Override
    public String resourceKind() {
      return "network";
    }

    @Override
    public Undo undo() {
      return new Undo.DeleteCreated(ResourceKind.NETWORK);
    }
  }

  /** Creates the compute resource of a VDU instance, in the slot {@code reserveStep} reserved. */
  record CreateCompute(
      String account,
      String vnfId,
      String vduInstanceId,
      String vduId,
      ComputeRequest request,
      String reserveStep)
      implements Action {
    @Override
    public String resourceName() {
      return request.name();
    }

    @Override
    public String resourceKind() {
      return "compute";
    }

    @Override
    public Undo undo() {
      return new Undo.DeleteCreated(ResourceKind.COMPUTE);
    }
  }

  /** Creates the port of a VDU instance's connection point and binds it to the compute resource. */
  record CreatePort(
      String account,
      String vnfId,
      String vduInstanceId,
      String cp,
      String name,
      OwnerTag owner,
      Ref network,
      Ref compute,
      String staticIp)
      implements Action {
    @Override
    public String resourceName() {
      return name;
    }

    @Override
    public String resourceKind() {
      return "port";
    }

    @Override
    public Undo undo() {
      return new Undo.DeleteCreated(ResourceKind.PORT);
    }
  }

  /**
   * Configures ({@code start}) or stops a VNF instance through its VNF manager: the plan executor
   * hands it to its {@link io.yamano.lcm.broker.VnfConfigurator}, which runs the VNF's lifecycle
   * metadata through a VNF broker. No VIM is called.
   */
  record ConfigureVnf(String vnfId, boolean start) implements Action {
    @Override
    public String account() {
      return null;
    }

    @Override
    public String resourceKind() {
      return "none";
    }

    @Override
    public Undo undo() {
      return new Undo.Nothing("a VNF's configuration goes with the VDUs the rollback deletes");
    }
  }

  /**
   * Deletes an existing resource of the NS: a port ({@code cp} set), the compute resource of a VDU
   * instance, or the network of a virtual link instance ({@code linkId} set).
   */
  record Delete(
      String account,
      ResourceKind kind,
      String resourceId,
      String vnfId,
      String vduInstanceId,
      String cp,
      String linkId)
      implements Action {
    public Delete {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(resourceId, "resourceId");
    }

    @Override
    public String resourceKind() {
      return kind.label();
    }

    @Override
    public Undo undo() {
      return new Undo.Nothing("a deleted resource is not recreated by a rollback");
    }
  }
}
