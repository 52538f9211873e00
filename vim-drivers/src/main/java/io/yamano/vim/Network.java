package io.yamano.vim;

import java.util.List;
import java.util.Objects;

/** A network and the pools its ports get addresses from. */
public record Network(
    String id,
    String name,
    OwnerTag owner,
    String cidr,
    String gatewayIp,
    List<IpRange> allocationPools,
    ResourceStatus status)
    implements OwnedResource {

  public Network {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    Objects.requireNonNull(cidr, "cidr");
    allocationPools = List.copyOf(Objects.requireNonNullElse(allocationPools, List.of()));
    Objects.requireNonNull(status, "status");
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.NETWORK;
  }

  @Override
  public Network withStatus(ResourceStatus value) {
    return new Network(id, name, owner, cidr, gatewayIp, allocationPools, value);
  }
}
