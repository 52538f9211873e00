package io.yamano.vim;

import java.util.Objects;

/**
 * A compute resource to create (or to reserve).
 *
 * @param name unique within a reservation; shown in every message about the resource
 * @param owner who the resource belongs to
 * @param flavour its size
 * @param image software image reference (the resource-less VIM only records it)
 * @param placement where it may go
 * @param reservationId a reservation from {@link VimConnection#reserve} whose slot named {@code
 *     name} this request uses, or {@code null} to take capacity now
 */
public record ComputeRequest(
    String name,
    OwnerTag owner,
    Flavour flavour,
    String image,
    Placement placement,
    String reservationId) {

  public ComputeRequest {
    Names.require("compute", name);
    owner = Objects.requireNonNullElse(owner, OwnerTag.NONE);
    Objects.requireNonNull(flavour, "flavour");
    placement = Objects.requireNonNullElse(placement, Placement.ANYWHERE);
  }

  public static ComputeRequest of(String name, OwnerTag owner, Flavour flavour) {
    return new ComputeRequest(name, owner, flavour, null, Placement.ANYWHERE, null);
  }

  public ComputeRequest withPlacement(Placement value) {
    return new ComputeRequest(name, owner, flavour, image, value, reservationId);
  }

  public ComputeRequest withImage(String value) {
    return new ComputeRequest(name, owner, flavour, value, placement, reservationId);
  }

  public ComputeRequest withReservation(String value) {
    return new ComputeRequest(name, owner, flavour, image, placement, value);
  }
}
