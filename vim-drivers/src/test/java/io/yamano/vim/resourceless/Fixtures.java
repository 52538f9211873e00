package io.yamano.vim.resourceless;

import io.yamano.vim.Capacity;
import io.yamano.vim.ComputeRequest;
import io.yamano.vim.Flavour;
import io.yamano.vim.OwnerTag;
import io.yamano.vim.Placement;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimAccount.Host;
import io.yamano.vim.VimAccount.Zone;
import io.yamano.vim.VimException;
import java.util.List;

/** Accounts and requests shared by the tests. */
final class Fixtures {

  static final Flavour SMALL = new Flavour(2, 4096, 10);
  static final OwnerTag OWNER = OwnerTag.of("ns-1", "vnf-1", "vdu-1");

  private Fixtures() {}

  /** Two zones of two hosts each; every host 8 vCPU, 16 GiB, 100 GiB, 4 instances. */
  static VimAccount twoZones() {
    Capacity host = Capacity.of(8, 16384, 100, 4);
    return VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED)
        .withZones(
            List.of(
                Zone.of("az1", Capacity.UNBOUNDED, Host.of("h1", host), Host.of("h2", host)),
                Zone.of("az2", Capacity.UNBOUNDED, Host.of("h3", host), Host.of("h4", host))));
  }

  static ResourcelessVim connect(VimAccount account) throws VimException {
    return new ResourcelessDriver().connect(account);
  }

  static ComputeRequest compute(String name) {
    return ComputeRequest.of(name, OWNER, SMALL);
  }

  static ComputeRequest compute(String name, Flavour flavour) {
    return ComputeRequest.of(name, OWNER, flavour);
  }

  static ComputeRequest compute(String name, Placement placement) {
    return ComputeRequest.of(name, OWNER, SMALL).withPlacement(placement);
  }
}
