package io.yamano.lcm.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.IpRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {
  @Test
  void poolsAreRangesOrBlocksInsideTheSubnet() {
    assertEquals(
        List.of(new IpRange("10.1.0.10", "10.1.0.20"), new IpRange("10.1.0.128", "10.1.0.191")),
        Addresses.pools(List.of("10.1.0.10-10.1.0.20", "10.1.0.128/26"), "10.1.0.0/24"));
    var outside =
        assertThrows(
            IllegalArgumentException.class,
            () -> Addresses.pools(List.of("10.2.0.1-10.2.0.9"), "10.1.0.0/24"));
    assertTrue(outside.getMessage().contains("not inside 10.1.0.0/24"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Addresses.pools(List.of("10.1.0.9-10.1.0.1"), "10.1.0.0/24"));
  }

  @Test
  void namesAreNeverResolved() {
    var e = assertThrows(IllegalArgumentException.class, () -> Addresses.number("example.com"));
    assertTrue(e.getMessage().contains("not an IP address"));
  }

  @Test
  void blocksWorkForIpv6() {
    var block = Addresses.block("2001:db8::/64");
    assertTrue(block.contains(Addresses.number("2001:db8::1"), 16));
    assertFalse(block.contains(Addresses.number("2001:db9::1"), 16));
  }
}
