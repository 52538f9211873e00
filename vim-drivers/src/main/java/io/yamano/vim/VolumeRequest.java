package io.yamano.vim;

import java.util.Objects;

/**
 * A block volume to create.
 *
 * @param zone the zone it must be in, or {@code null} (the attached compute resource's zone, else
 *     the VIM's choice)
 * @param attachTo the compute resource to attach it to, or {@code null}
 */
public record VolumeRequest(
    String name, OwnerTag owner, long sizeGb, String zone, String attachTo) {

  public VolumeRequest {
    Names.require("volume", name);
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    if (sizeGb < 1) {
      throw new IllegalArgumentException("volume '" + name + "' needs a size: " + sizeGb + " GiB");
    }
  }

  public static VolumeRequest of(String name, OwnerTag owner, long sizeGb) {
    return new VolumeRequest(name, owner, sizeGb, null, null);
  }
}
