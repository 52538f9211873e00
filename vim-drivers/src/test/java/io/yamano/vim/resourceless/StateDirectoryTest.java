package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.OWNER;
import static io.yamano.vim.resourceless.Fixtures.compute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.NetworkRequest;
import io.yamano.vim.PortRequest;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.ResourceStatus;
import io.yamano.vim.VimAccount;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resource-less VIM with a state directory outlives its driver, as infrastructure would. */
class StateDirectoryTest {
  @TempDir Path dir;

  ResourcelessVim connect(VimAccount account) throws Exception {
    var driver = new ResourcelessDriver();
    driver.useStateDirectory(dir);
    return driver.connect(account);
  }

  @Test
  void resourcesAddressesAndCapacitySurviveANewDriver() throws Exception {
    var account = Fixtures.twoZones();
    var vim = connect(account);
    var net = vim.createNetwork(NetworkRequest.of("net", OWNER, "10.1.0.0/24"));
    var c1 = vim.createCompute(compute("c1"));
    var c2 = vim.createCompute(compute("c2"));
    var p1 = vim.createPort(PortRequest.of("p1", OWNER, net.id()).boundTo(c1.id()));
    vim.delete(ResourceKind.COMPUTE, c2.id());
    vim.markFailed(ResourceKind.COMPUTE, c1.id());
    var before = vim.listOwned();
    var usage = vim.usage();

    var again = connect(account);
    assertEquals(before, again.listOwned());
    assertEquals(usage, again.usage());
    assertEquals(ResourceStatus.ERROR, again.status(ResourceKind.COMPUTE, c1.id()));
    var p2 = again.createPort(PortRequest.of("p2", OWNER, net.id()));
    assertNotEquals(p1.ipAddress(), p2.ipAddress(), "held addresses stay held");
    assertTrue(again.listOwned().stream().noneMatch(r -> r.id().equals(c2.id())));
  }

  @Test
  void aTornLastRecordIsIgnored() throws Exception {
    var account = Fixtures.twoZones();
    var vim = connect(account);
    var c1 = vim.createCompute(compute("c1"));
    var file = Files.list(dir).filter(p -> p.toString().endsWith(".state")).findFirst().get();
    // a record whose payload was cut short by a kill
    try (var out = Files.newByteChannel(file, StandardOpenOption.APPEND)) {
      out.write(
          ByteBuffer.allocate(7).putInt(1000).put((byte) 'P').put((byte) 1).put((byte) 2).flip());
    }
    var again = connect(account);
    assertEquals(1, again.listOwned().size());
    assertEquals(c1.id(), again.listOwned().get(0).id());
  }
}
