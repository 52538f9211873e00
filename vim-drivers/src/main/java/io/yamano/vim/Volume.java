package io.yamano.vim;

import java.util.Objects;

/** A block volume; {@code attachedTo} is {@code null} when detached. */
public record Volume(
    String id,
    String name,
    OwnerTag owner,
    long sizeGb,
    String zone,
    String attachedTo,
    ResourceStatus status)
    implements OwnedResource {

  public Volume {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(status, "status");
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.VOLUME;
  }

  @Override
  public Volume withStatus(ResourceStatus value) {
    return new Volume(id, name, owner, sizeGb, zone, attachedTo, value);
  }

  /** The same volume, attached to another compute resource (or to none). */
  public Volume attachedTo(String value) {
    return new Volume(id, name, owner, sizeGb, zone, value, status);
  }
}
