package io.yamano.vim;

import java.util.Objects;

/**
 * A port (network interface) to create.
 *
 * @param networkId the network it is on
 * @param computeId the compute resource it is bound to, or {@code null}
 * @param staticIp the address it must have, or {@code null} for the next free one
 */
public record PortRequest(
    String name, OwnerTag owner, String networkId, String computeId, String staticIp) {

  public PortRequest {
    Names.require("port", name);
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    Objects.requireNonNull(networkId, "networkId");
  }

  public static PortRequest of(String name, OwnerTag owner, String networkId) {
    return new PortRequest(name, owner, networkId, null, null);
  }

  public PortRequest withStaticIp(String value) {
    return new PortRequest(name, owner, networkId, computeId, value);
  }

  public PortRequest boundTo(String value) {
    return new PortRequest(name, owner, networkId, value, staticIp);
  }
}
