package io.yamano.vim;

import java.util.Objects;

/** A port on a network, with its address; {@code computeId} is {@code null} when unbound. */
public record Port(
    String id,
    String name,
    OwnerTag owner,
    String networkId,
    String computeId,
    String ipAddress,
    String macAddress,
    ResourceStatus status)
    implements OwnedResource {

  public Port {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    Objects.requireNonNull(networkId, "networkId");
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(status, "status");
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.PORT;
  }

  @Override
  public Port withStatus(ResourceStatus value) {
    return new Port(id, name, owner, networkId, computeId, ipAddress, macAddress, value);
  }

  /** The same port, bound to another compute resource (or to none). */
  public Port boundTo(String value) {
    return new Port(id, name, owner, networkId, value, ipAddress, macAddress, status);
  }
}
