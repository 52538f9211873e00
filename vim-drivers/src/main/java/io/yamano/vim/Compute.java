package io.yamano.vim;

import java.util.List;
import java.util.Objects;

/** A compute resource (VM or pod) and where it was placed. */
public record Compute(
    String id,
    String name,
    OwnerTag owner,
    Flavour flavour,
    String image,
    String zone,
    String host,
    List<AffinityRule> affinity,
    ResourceStatus status)
    implements OwnedResource {

  public Compute {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    Objects.requireNonNull(flavour, "flavour");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(host, "host");
    affinity = List.copyOf(Objects.requireNonNullElse(affinity, List.of()));
    Objects.requireNonNull(status, "status");
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.COMPUTE;
  }

  @Override
  public Compute withStatus(ResourceStatus value) {
    return new Compute(id, name, owner, flavour, image, zone, host, affinity, value);
  }
}
