package io.yamano.lcm.broker;

/** A VNF could not be configured; the message names the VNF, its address and what it answered. */
public final class VnfConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VnfConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
