package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.compute;
import static io.yamano.vim.resourceless.Fixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.yamano.vim.Amounts;
import io.yamano.vim.Capacity;
import io.yamano.vim.Flavour;
import io.yamano.vim.OwnerTag;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimAccount.Host;
import io.yamano.vim.VimAccount.Zone;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import io.yamano.vim.VolumeRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapacityTest {

  private static final Flavour ONE = new Flavour(1, 1024, 10);

  private static Capacity limit(String figure, long value) {
    return switch (figure) {
      case "vcpus" -> Capacity.UNBOUNDED.withVcpus(value);
      case "memory-mb" -> Capacity.UNBOUNDED.withMemoryMb(value);
      case "storage-gb" -> Capacity.UNBOUNDED.withStorageGb(value);
      case "instances" -> Capacity.UNBOUNDED.withInstances(value);
      default -> throw new IllegalArgumentException(figure);
    };
  }

  /** Limits that let exactly two instances of {@link #ONE} in. */
  private static Capacity roomForTwo(String figure) {
    return switch (figure) {
      case "vcpus" -> limit(figure, 2);
      case "memory-mb" -> limit(figure, 2048);
      case "storage-gb" -> limit(figure, 20);
      default -> limit(figure, 2);
    };
  }

  private static String expected(String figure) {
    return switch (figure) {
      case "vcpus" -> "vcpus: 2 of 2 committed, 1 requested";
      case "memory-mb" -> "memory-mb: 2048 of 2048 committed, 1024 requested";
      case "storage-gb" -> "storage-gb: 20 of 20 committed, 10 requested";
      default -> "instances: 2 of 2 committed, 1 requested";
    };
  }

  private static VimException fillThenOverflow(VimAccount account) throws VimException {
    ResourcelessVim vim = connect(account);
    vim.createCompute(compute("a", ONE));
    vim.createCompute(compute("b", ONE));
    return assertThrows(VimException.class, () -> vim.createCompute(compute("c", ONE)));
  }

  @ParameterizedTest
  @CsvSource({"vcpus", "memory-mb", "storage-gb", "instances"})
  void accountCapacityIsEnforcedPerFigure(String figure) throws VimException {
    var account = VimAccount.of("lab", ResourcelessDriver.TYPE, roomForTwo(figure));
    VimException refused = fillThenOverflow(account);
    assertEquals(Reason.NO_CAPACITY, refused.reason());
    assertEquals(
        "compute 'c' (1 vCPU, 1024 MiB, 10 GiB) does not fit VIM account 'lab': "
            + expected(figure),
        refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"vcpus", "memory-mb", "storage-gb", "instances"})
  void zoneCapacityIsEnforcedPerFigure(String figure) throws VimException {
    var account =
        VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED)
            .withZones(List.of(Zone.of("az1", roomForTwo(figure), Host.of("h1"), Host.of("h2"))));
    VimException refused = fillThenOverflow(account);
    assertEquals(Reason.NO_CAPACITY, refused.reason());
    assertEquals(
        "no host of VIM account 'lab' can take compute 'c' (1 vCPU, 1024 MiB, 10 GiB): zone 'az1': "
            + expected(figure),
        refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"vcpus", "memory-mb", "storage-gb", "instances"})
  void hostCapacityIsEnforcedPerFigure(String figure) throws VimException {
    var account =
        VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED)
            .withZones(
                List.of(Zone.of("az1", Capacity.UNBOUNDED, Host.of("h1", roomForTwo(figure)))));
    VimException refused = fillThenOverflow(account);
    assertEquals(Reason.NO_CAPACITY, refused.reason());
    assertEquals(
        "no host of VIM account 'lab' can take compute 'c' (1 vCPU, 1024 MiB, 10 GiB): host 'h1' in"
            + " zone 'az1': "
            + expected(figure),
        refused.getMessage());
  }

  @Test
  void hostCapacityOptionAppliesToHostsDeclaredWithoutOne() throws VimException {
    var account =
        VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED)
            .withZones(List.of(Zone.of("az1", Capacity.UNBOUNDED, Host.of("h1"))))
            .withOptions(Map.of(ResourcelessOptions.HOST_CAPACITY, "vcpus=2"));
    VimException refused = fillThenOverflow(account);
    assertEquals(Reason.NO_CAPACITY, refused.reason());
  }

  @Test
  void deletingComputeFreesItsCapacity() throws VimException {
    var vim = connect(VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.of(2, 4096, 20, 2)));
    var a = vim.createCompute(compute("a", ONE));
    vim.createCompute(compute("b", ONE));
    vim.delete(ResourceKind.COMPUTE, a.id());
    assertEquals(new Amounts(1, 1024, 10, 1), vim.usage().used());
    vim.createCompute(compute("c", ONE));
  }

  @Test
  void volumesCountAgainstZoneAndAccountStorage() throws VimException {
    var account =
        VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED.withStorageGb(100))
            .withZones(List.of(Zone.of("az1", Capacity.UNBOUNDED.withStorageGb(50))));
    var vim = connect(account);
    vim.createVolume(VolumeRequest.of("v1", OwnerTag.NONE, 40));
    VimException refused =
        assertThrows(
            VimException.class, () -> vim.createVolume(VolumeRequest.of("v2", OwnerTag.NONE, 20)));
    assertEquals(
        "no zone of VIM account 'lab' can take volume 'v2' (20 GiB): zone 'az1': storage-gb: 40 of"
            + " 50 committed, 20 requested",
        refused.getMessage());
  }

  @Test
  void usageReportsEveryZoneAndHost() throws VimException {
    var vim = connect(Fixtures.twoZones());
    vim.createCompute(compute("a"));
    var usage = vim.usage();
    assertEquals(List.of("az1", "az2"), List.copyOf(usage.parts().keySet()));
    assertEquals(Fixtures.SMALL.amounts(), usage.part("az1").part("h1").used());
    assertEquals(Amounts.ZERO, usage.part("az2").part("h4").used());
    assertEquals(Capacity.of(8, 16384, 100, 4), usage.part("az1").part("h1").capacity());
  }
}
