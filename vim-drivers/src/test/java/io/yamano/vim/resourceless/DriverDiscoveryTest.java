package io.yamano.vim.resourceless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.Capacity;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimDriver;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverDiscoveryTest {

  @Test
  void serviceLoaderFindsTheResourcelessDriver() {
    VimDrivers drivers = VimDrivers.load();
    assertInstanceOf(ResourcelessDriver.class, drivers.find("resource-less").orElseThrow());
  }

  @Test
  void connectPicksTheDriverByAccountType() throws VimException {
    var account = VimAccount.of("lab", "resource-less", Capacity.UNBOUNDED);
    assertInstanceOf(ResourcelessVim.class, VimDrivers.load().connect(account));
  }

  @Test
  void twoDriversOfOneTypeFailLoudly() {
    List<VimDriver> two = List.of(new ResourcelessDriver(), new ResourcelessDriver());
    var e = assertThrows(IllegalStateException.class, () -> VimDrivers.of(two));
    assertTrue(
        e.getMessage().contains("two VIM drivers claim type 'resource-less'"), e.getMessage());
  }

  @Test
  void accountOfATypeNoDriverServesIsAnInvalidRequest() {
    var account = VimAccount.of("cloud", "openstack", Capacity.UNBOUNDED);
    VimException e = assertThrows(VimException.class, () -> VimDrivers.load().connect(account));
    assertEquals(Reason.INVALID_REQUEST, e.reason());
  }
}
