package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.compute;
import static io.yamano.vim.resourceless.Fixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.AffinityRule;
import io.yamano.vim.AffinityRule.Scope;
import io.yamano.vim.Amounts;
import io.yamano.vim.Placement;
import io.yamano.vim.Reservation;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationTest {

  @Test
  void reservationHoldsCapacityBeforeAnythingIsCreated() throws VimException {
    var vim = connect(Fixtures.twoZones());
    Reservation r = vim.reserve(List.of(compute("a"), compute("b")));
    assertEquals(Amounts.ZERO, vim.usage().used());
    assertEquals(r.amounts(), vim.usage().reserved());
  }

  @Test
  void creatingFromAReservationUsesItsSlot() throws VimException {
    var vim = connect(Fixtures.twoZones());
    Reservation r = vim.reserve(List.of(compute("a", Placement.inZone("az2"))));
    var c = vim.createCompute(compute("a").withReservation(r.id()));
    assertEquals(r.slots().get(0).host(), c.host());
    assertEquals(Amounts.ZERO, vim.usage().reserved());
    assertEquals(Fixtures.SMALL.amounts(), vim.usage().used());
  }

  @Test
  void reservationIsAllOrNothing() throws VimException {
    var vim = connect(Fixtures.twoZones()); // 16 instances in all
    var tooMany = new java.util.ArrayList<io.yamano.vim.ComputeRequest>();
    for (int i = 0; i < 17; i++) {
      tooMany.add(compute("c" + i, new io.yamano.vim.Flavour(1, 1024, 1)));
    }
    VimException refused = assertThrows(VimException.class, () -> vim.reserve(tooMany));
    assertEquals(Reason.NO_CAPACITY, refused.reason());
    assertTrue(refused.getMessage().contains("nothing held"), refused.getMessage());
    assertEquals(Amounts.ZERO, vim.usage().reserved());
  }

  @Test
  void releaseFreesWhatTheReservationStillHolds() throws VimException {
    var vim = connect(Fixtures.twoZones());
    Reservation r = vim.reserve(List.of(compute("a"), compute("b")));
    vim.createCompute(compute("a").withReservation(r.id()));
    vim.release(r.id());
    assertEquals(Amounts.ZERO, vim.usage().reserved());
    assertEquals(Fixtures.SMALL.amounts(), vim.usage().used());
    assertEquals(
        Reason.NOT_FOUND, assertThrows(VimException.class, () -> vim.release(r.id())).reason());
  }

  @Test
  void antiAffinityHoldsAcrossTheBatch() throws VimException {
    var vim = connect(Fixtures.twoZones());
    var apart = Placement.ANYWHERE.withRule(AffinityRule.antiAffinity("g", Scope.ZONE));
    Reservation r = vim.reserve(List.of(compute("a", apart), compute("b", apart)));
    assertEquals(List.of("az1", "az2"), r.slots().stream().map(Reservation.Slot::zone).toList());
    assertEquals(
        Reason.NO_CAPACITY,
        assertThrows(VimException.class, () -> vim.createCompute(compute("c", apart))).reason());
  }

  @Test
  void reservedSlotWithAnotherFlavourIsRefused() throws VimException {
    var vim = connect(Fixtures.twoZones());
    Reservation r = vim.reserve(List.of(compute("a")));
    VimException refused =
        assertThrows(
            VimException.class,
            () ->
                vim.createCompute(
                    compute("a", new io.yamano.vim.Flavour(4, 4096, 10)).withReservation(r.id())));
    assertEquals(Reason.INVALID_REQUEST, refused.reason());
  }
}
