package io.yamano.broker;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import java.util.Objects;
import java.util.Optional;

/**
 * A lifecycle action that did not succeed. Its message names the VNF instance, the address the
 * broker talked to, the action, and what the VNF answered (an rpc-error's text, an HTTP status and
 * body), so that an operator reading the LCM operation's error knows where to look.
 */
public final class BrokerException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why an action failed; decides whether it is retried. */
  public enum Reason {
    /** The address could not be reached or the session could not be set up. Transient. */
    UNREACHABLE(true),
    /** No answer within the timeout. Transient. */
    TIMEOUT(true),
    /** The VNF answered with an error (rpc-error, HTTP error status). Not retried. */
    REFUSED(false),
    /** The VNF answered, but not what the action's check expects. Transient. */
    CHECK_FAILED(true),
    /** The broker cannot perform this kind of operation. */
    UNSUPPORTED(false),
    /** The broker or plugin itself failed (a bug, not an answer of the VNF). Not retried. */
    BROKER_ERROR(false),
    /** The lifecycle metadata is wrong: unknown state, event, primitive or parameter. */
    BAD_METADATA(false);

    private final boolean isTransient;

    Reason(boolean isTransient) {
      this.isTransient = isTransient;
    }

    /** Whether another attempt may succeed. */
    public boolean isTransient() {
      return isTransient;
    }
  }

  private final Reason reason;
  private final String detail;
  private final String vnf;
  private final String address;
  private final String action;
  private final String vnfAnswer;

  /** A failure without context yet; the executor adds the VNF, the address and the action. */
  public BrokerException(Reason reason, String detail) {
    this(reason, detail, null, null, null, null, null);
  }

  /** A failure carrying what the VNF answered. */
  public BrokerException(Reason reason, String detail, String vnfAnswer) {
    this(reason, detail, null, null, null, vnfAnswer, null);
  }

  /** A failure caused by {@code cause}. */
  public BrokerException(Reason reason, String detail, Throwable cause) {
    this(reason, detail, null, null, null, null, cause);
  }

  private BrokerException(
      Reason reason,
      String detail,
      String vnf,
      String address,
      String action,
      String vnfAnswer,
      Throwable cause) {
    super(compose(detail, vnf, address, action, vnfAnswer), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.vnf = vnf;
    this.address = address;
    this.action = action;
    this.vnfAnswer = vnfAnswer;
  }

  /** This failure, said of a VNF instance, an address and an action (keeps known values). */
  public BrokerException in(String vnfInstance, String vnfAddress, String actionName) {
    return new BrokerException(
        reason,
        detail,
        vnf != null ? vnf : vnfInstance,
        address != null ? address : vnfAddress,
        action != null ? action : actionName,
        vnfAnswer,
        getCause() != null ? getCause() : null);
  }

  public Reason reason() {
    return reason;
  }

  /** What went wrong, without the context. */
  public String detail() {
    return detail;
  }

  public Optional<String> vnf() {
    return Optional.ofNullable(vnf);
  }

  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  public Optional<String> action() {
    return Optional.ofNullable(action);
  }

  /** What the VNF said, verbatim (an rpc-error's error-message, an HTTP body). */
  public Optional<String> vnfAnswer() {
    return Optional.ofNullable(vnfAnswer);
  }

  /**
   * The error a front end renders for this failure: {@code operation-failed} (RFC 6241 Appendix A)
   * with app-tag {@code vnf-broker-<reason>}; metadata faults are {@code invalid-value}.
   */
  public RpcError toRpcError() {
    ErrorTag tag =
        reason == Reason.BAD_METADATA ? ErrorTag.INVALID_VALUE : ErrorTag.OPERATION_FAILED;
    return RpcError.application(
        tag,
        "vnf-broker-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        null,
        getMessage());
  }

  private static String compose(
      String detail, String vnf, String address, String action, String answer) {
    var out = new StringBuilder();
    if (vnf != null) {
      out.append("VNF ").append(vnf);
      if (address != null) {
        out.append(" at ").append(address);
      }
      out.append(": ");
    } else if (address != null) {
      out.append(address).append(": ");
    }
    if (action != null) {
      out.append("action '").append(action).append("': ");
    }
    out.append(detail);
    if (answer != null && !detail.contains(answer)) {
      out.append("; the VNF answered: ").append(answer);
    }
    return out.toString();
  }
}
