package io.yamano.lcm;

import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.CommitHook;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.lcm.exec.VimConnections;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.NsInstanceConfig;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.lcm.plan.Layout;
import io.yamano.lcm.plan.LayoutBuilder;
import io.yamano.lcm.plan.UnrealisableException;
import io.yamano.lcm.state.OperationalState;
import io.yamano.vim.AffinityRule;
import io.yamano.vim.Amounts;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.VimException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Refuses a commit that asks for an NS instance that cannot be realised, with an error whose
 * error-path is the ns-instance leaf at fault:
 *
 * <ul>
 *   <li>{@code nsd-ref}: the NSD is missing, or a member's VNFD, VNF flavour or VNF level is;
 *   <li>{@code flavour} / {@code instantiation-level}: not in the NSD (when the leafrefs did not
 *       already say so), or VDU counts outside their profile;
 *   <li>{@code vim-account}: none configured for a member, no such account, or no driver for its
 *       type;
 *   <li>{@code instantiation-level} (or {@code flavour} when no level is set): the account lacks
 *       the capacity for the VDU instances to add (asked of the driver's usage), or an
 *       anti-affinity group has more members than the account has hosts (zones).
 * </ul>
 *
 * Only NS instances the commit creates or changes, with admin-state {@code instantiated}, are
 * checked. Error-tag {@code operation-failed}, error-app-tag {@value #APP_TAG}.
 */
public final class RealisabilityCheck implements CommitHook {

  /** The error-app-tag of every refusal. */
  public static final String APP_TAG = "ns-not-realisable";

  private final ConfigReader reader;
  private final OperationalState state;
  private final VimConnections vims;
  private final VimDrivers drivers;
  private final BooleanSupplier active;

  RealisabilityCheck(
      ConfigReader reader,
      OperationalState state,
      VimConnections vims,
      VimDrivers drivers,
      BooleanSupplier active) {
    this.reader = reader;
    this.state = state;
    this.vims = vims;
    this.drivers = drivers;
    this.active = active;
  }

  @Override
  public void validate(ChangeSet proposed) throws RpcException {
    if (!active.getAsBoolean()) {
      return;
    }
    Set<String> changed = LifecycleEngine.changedInstances(reader, proposed);
    if (changed.isEmpty()) {
      return;
    }
    var root = proposed.rootAfter();
    var errors = new ArrayList<RpcError>();
    var vnfds = reader.vnfds(root);
    var requested = new LinkedHashMap<String, Amounts>();
    var requesters = new HashMap<String, List<NsInstanceConfig>>();
    for (String name : changed) {
      var config = reader.nsInstance(root, name).orElse(null);
      if (config == null || !config.instantiated()) {
        continue;
      }
      var nsd = reader.nsd(root, config.nsdId());
      if (nsd.isEmpty()) {
        errors.add(error(name, "nsd-ref", "no NSD '" + config.nsdId() + "'"));
        continue;
      }
      Layout layout;
      try {
        layout = LayoutBuilder.build(config, nsd.get(), vnfds);
      } catch (UnrealisableException e) {
        errors.add(error(name, e.leaf(), e.getMessage()));
        continue;
      }
      ActualNs actual = state.readActual(name);
      var accounts = new HashMap<String, VimAccount>();
      boolean accountsOk = true;
      for (var vnf : layout.vnfs().values()) {
        if (accounts.containsKey(vnf.account())) {
          continue;
        }
        var account = reader.vimAccount(root, vnf.account());
        if (account.isEmpty()) {
          errors.add(
              error(
                  name,
                  "vim-account",
                  "no VIM account '" + vnf.account() + "' for member '" + vnf.member() + "'"));
          accountsOk = false;
          break;
        }
        if (drivers.find(account.get().type()).isEmpty()) {
          errors.add(
              error(
                  name,
                  "vim-account",
                  "VIM account '"
                      + vnf.account()
                      + "' has type '"
                      + account.get().type()
                      + "', served by no driver (available: "
                      + drivers.types()
                      + ")"));
          accountsOk = false;
          break;
        }
        accounts.put(vnf.account(), account.get());
      }
      if (!accountsOk) {
        continue;
      }
      String placement = placementProblem(layout, accounts);
      if (placement != null) {
        errors.add(error(name, "vnf", placement));
        continue;
      }
      String sizeLeaf = config.level() != null ? "instantiation-level" : "flavour";
      String antiAffinity = antiAffinityProblem(layout, accounts);
      if (antiAffinity != null) {
        errors.add(error(name, sizeLeaf, antiAffinity));
        continue;
      }
      for (var vnf : layout.vnfs().values()) {
        var had = actual.vnfs().get(vnf.id());
        for (var vdu : vnf.vdus().values()) {
          if (had == null || !had.vdus().containsKey(vdu.id())) {
            requested.merge(vnf.account(), vdu.flavour().amounts(), Amounts::plus);
            var those = requesters.computeIfAbsent(vnf.account(), a -> new ArrayList<>());
            if (!those.contains(config)) {
              those.add(config);
            }
          }
        }
      }
    }
    for (var entry : requested.entrySet()) {
      String accountName = entry.getKey();
      var account = reader.vimAccount(root, accountName).orElseThrow();
      String shortfall;
      try {
        var usage = vims.connection(accountName).usage();
        shortfall = account.capacity().shortfall(usage.committed(), entry.getValue());
      } catch (VimException e) {
        shortfall = "its VIM does not answer: " + e.getMessage();
      }
      if (shortfall != null) {
        for (var config : requesters.getOrDefault(accountName, List.of())) {
          String leaf = config.level() != null ? "instantiation-level" : "flavour";
          errors.add(
              error(
                  config.name(),
                  leaf,
                  "VIM account '"
                      + accountName
                      + "' has not enough capacity for NS instance '"
                      + config.name()
                      + "' ("
                      + (config.level() != null
                          ? "level '" + config.level() + "'"
                          : "flavour '" + config.flavour() + "'")
                      + "): "
                      + shortfall));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RpcException(errors);
    }
  }

  /**
   * Why a member's placement (zone, required attributes) cannot be met by its VIM account, or null.
   * Attributes are met by the account's own placement attributes or those of the zone.
   */
  static String placementProblem(Layout layout, Map<String, VimAccount> accounts) {
    for (var vnf : layout.vnfs().values()) {
      var account = accounts.get(vnf.account());
      for (var vdu : vnf.vdus().values()) {
        var zones = account.zones();
        if (vdu.zone() != null && zones.stream().noneMatch(z -> z.name().equals(vdu.zone()))) {
          return "member '"
              + vnf.member()
              + "' asks for zone '"
              + vdu.zone()
              + "', which VIM account '"
              + account.name()
              + "' does not have (it has "
              + zones.stream().map(VimAccount.Zone::name).toList()
              + ")";
        }
        if (vdu.attributes().isEmpty()) {
          continue;
        }
        var candidates =
            zones.isEmpty()
                ? List.of(Map.<String, String>of())
                : zones.stream()
                    .filter(z -> vdu.zone() == null || z.name().equals(vdu.zone()))
                    .map(VimAccount.Zone::attributes)
                    .toList();
        boolean met =
            candidates.stream()
                .anyMatch(
                    zoneAttributes -> {
                      var merged = new HashMap<>(account.attributes());
                      merged.putAll(zoneAttributes);
                      return vdu.attributes().entrySet().stream()
                          .allMatch(a -> a.getValue().equals(merged.get(a.getKey())));
                    });
        if (!met) {
          return "member '"
              + vnf.member()
              + "' requires placement attributes "
              + vdu.attributes()
              + " that no "
              + (vdu.zone() == null ? "zone" : "zone '" + vdu.zone() + "'")
              + " of VIM account '"
              + account.name()
              + "' carries";
        }
      }
    }
    return null;
  }

  /** A description of an anti-affinity group that has more members than places, or null. */
  static String antiAffinityProblem(Layout layout, Map<String, VimAccount> accounts) {
    var members = new LinkedHashMap<String, Integer>();
    var scopes = new HashMap<String, AffinityRule.Scope>();
    var accountOf = new HashMap<String, String>();
    for (var vnf : layout.vnfs().values()) {
      for (var vdu : vnf.vdus().values()) {
        for (var rule : vdu.affinity()) {
          if (rule.policy() == AffinityRule.Policy.ANTI_AFFINITY) {
            members.merge(rule.group(), 1, Integer::sum);
            scopes.put(rule.group(), rule.scope());
            accountOf.put(rule.group(), vnf.account());
          }
        }
      }
    }
    for (var entry : members.entrySet()) {
      var account = accounts.get(accountOf.get(entry.getKey()));
      boolean perZone = scopes.get(entry.getKey()) == AffinityRule.Scope.ZONE;
      int places = perZone ? zones(account) : hosts(account);
      if (entry.getValue() > places) {
        return "anti-affinity group '"
            + entry.getKey()
            + "' has "
            + entry.getValue()
            + " members but VIM account '"
            + account.name()
            + "' has only "
            + places
            + (perZone ? " zone(s)" : " host(s)");
      }
    }
    return null;
  }

  private static int zones(VimAccount account) {
    return Math.max(1, account.zones().size());
  }

  private static int hosts(VimAccount account) {
    if (account.zones().isEmpty()) {
      return 1;
    }
    return account.zones().stream().mapToInt(z -> Math.max(1, z.hosts().size())).sum();
  }

  private RpcError error(String ns, String leaf, String message) {
    return RpcError.application(
        ErrorTag.OPERATION_FAILED, APP_TAG, reader.nsLeaf(ns, leaf), message);
  }
}
