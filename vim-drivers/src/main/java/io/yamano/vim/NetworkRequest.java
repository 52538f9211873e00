package io.yamano.vim;

import java.util.List;
import java.util.Objects;

/**
 * A network to create.
 *
 * @param cidr the subnet, for example {@code 10.0.0.0/24}
 * @param gatewayIp the gateway's address, never given to a port; {@code null} for the first host
 *     address of the subnet
 * @param allocationPools where port addresses come from; empty for every host address of the subnet
 *     except the gateway
 */
public record NetworkRequest(
    String name, OwnerTag owner, String cidr, String gatewayIp, List<IpRange> allocationPools) {

  public NetworkRequest {
    Names.require("network", name);
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    Objects.requireNonNull(cidr, "cidr");
    allocationPools = List.copyOf(Objects.requireNonNullElse(allocationPools, List.of()));
  }

  public static NetworkRequest of(String name, OwnerTag owner, String cidr) {
    return new NetworkRequest(name, owner, cidr, null, List.of());
  }
}
