package io.yamano.vim;

import java.util.List;
import java.util.Objects;

/**
 * Capacity held for a batch of compute requests, already placed.
 *
 * @param id give it to {@link VimConnection#release} or set it as {@link
 *     ComputeRequest#reservationId()}
 * @param slots one per request, in request order
 */
public record Reservation(String id, List<Slot> slots) {

  /** Where one reserved compute resource will go. */
  public record Slot(String name, Flavour flavour, String zone, String host) {
    public Slot {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(flavour, "flavour");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(host, "host");
    }
  }

  public Reservation {
    Objects.requireNonNull(id, "id");
    slots = List.copyOf(slots);
  }

  /** Total held by this reservation. */
  public Amounts amounts() {
    return slots.stream().map(s -> s.flavour().amounts()).reduce(Amounts.ZERO, Amounts::plus);
  }
}
