package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.OWNER;
import static io.yamano.vim.resourceless.Fixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.yamano.vim.Capacity;
import io.yamano.vim.IpRange;
import io.yamano.vim.Network;
import io.yamano.vim.NetworkRequest;
import io.yamano.vim.PortRequest;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressingTest {

  private ResourcelessVim vim;

  @BeforeEach
  void connectAccount() throws VimException {
    vim = connect(VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED));
  }

  private Network network(String cidr) throws VimException {
    return vim.createNetwork(NetworkRequest.of("mgmt", OWNER, cidr));
  }

  private String port(Network network, String name, String staticIp) throws VimException {
    return vim.createPort(PortRequest.of(name, OWNER, network.id()).withStaticIp(staticIp))
        .ipAddress();
  }

  @Test
  void portsGetTheLowestFreeAddressAfterTheGateway() throws VimException {
    Network net = network("10.0.0.0/24");
    assertEquals("10.0.0.1", net.gatewayIp());
    assertEquals("10.0.0.2", port(net, "p1", null));
    assertEquals("10.0.0.3", port(net, "p2", null));
  }

  @Test
  void staticAddressInsideThePoolIsAccepted() throws VimException {
    Network net = network("10.0.0.0/24");
    assertEquals("10.0.0.50", port(net, "p1", "10.0.0.50"));
  }

  @Test
  void staticAddressTakenIsAConflict() throws VimException {
    Network net = network("10.0.0.0/24");
    port(net, "p1", "10.0.0.50");
    VimException refused = assertThrows(VimException.class, () -> port(net, "p2", "10.0.0.50"));
    assertEquals(Reason.CONFLICT, refused.reason());
    assertEquals(
        "port 'p2' asks for 10.0.0.50 on network 'mgmt', taken by port 'p1'", refused.getMessage());
  }

  @Test
  void gatewayAddressIsNeverGivenToAPort() throws VimException {
    Network net = network("10.0.0.0/24");
    assertEquals(
        Reason.CONFLICT,
        assertThrows(VimException.class, () -> port(net, "p1", "10.0.0.1")).reason());
  }

  @Test
  void staticAddressOutsideThePoolIsInvalid() throws VimException {
    Network net =
        vim.createNetwork(
            new NetworkRequest(
                "data",
                OWNER,
                "10.1.0.0/24",
                null,
                List.of(new IpRange("10.1.0.100", "10.1.0.199"))));
    assertEquals("10.1.0.100", port(net, "p0", null));
    VimException refused = assertThrows(VimException.class, () -> port(net, "p1", "10.1.0.20"));
    assertEquals(Reason.INVALID_REQUEST, refused.reason());
    assertEquals(
        "port 'p1' asks for 10.1.0.20, outside the pools of network 'data' ([10.1.0.100-10.1.0.199])",
        refused.getMessage());
    assertEquals(
        Reason.INVALID_REQUEST,
        assertThrows(VimException.class, () -> port(net, "p2", "192.168.0.1")).reason());
  }

  @Test
  void exhaustedNetworkRefusesWithNoCapacity() throws VimException {
    Network net = network("10.0.0.0/29"); // 6 host addresses, one the gateway
    for (int i = 0; i < 5; i++) {
      port(net, "p" + i, null);
    }
    VimException refused = assertThrows(VimException.class, () -> port(net, "p5", null));
    assertEquals(Reason.NO_CAPACITY, refused.reason());
    assertEquals(
        "no free address for port 'p5' on network 'mgmt' (10.0.0.0/29): 5 of 5 allocated",
        refused.getMessage());
  }

  @Test
  void deletingAPortFreesItsAddress() throws VimException {
    Network net = network("10.0.0.0/30"); // 2 host addresses, one the gateway
    var port = vim.createPort(PortRequest.of("p1", OWNER, net.id()));
    vim.delete(ResourceKind.PORT, port.id());
    assertEquals(port.ipAddress(), port(net, "p2", null));
  }

  @Test
  void networkWithPortsCannotBeDeleted() throws VimException {
    Network net = network("10.0.0.0/24");
    port(net, "p1", null);
    assertEquals(
        Reason.CONFLICT,
        assertThrows(VimException.class, () -> vim.delete(ResourceKind.NETWORK, net.id()))
            .reason());
  }

  @Test
  void malformedOrIpv6SubnetIsInvalid() {
    for (String cidr : List.of("10.0.0.0", "10.0.0.0/33", "300.0.0.0/8", "fd00::/64")) {
      assertEquals(
          Reason.INVALID_REQUEST,
          assertThrows(VimException.class, () -> network(cidr)).reason(),
          cidr);
    }
  }

  @Test
  void portOnAnUnknownNetworkIsNotFound() {
    assertEquals(
        Reason.NOT_FOUND,
        assertThrows(
                VimException.class,
                () -> vim.createPort(PortRequest.of("p", OWNER, "rl-network-999999")))
            .reason());
  }
}
