package io.yamano.vim.resourceless;

import io.yamano.vim.AffinityRule;
import io.yamano.vim.Amounts;
import io.yamano.vim.Compute;
import io.yamano.vim.ComputeRequest;
import io.yamano.vim.Network;
import io.yamano.vim.NetworkRequest;
import io.yamano.vim.OwnedResource;
import io.yamano.vim.OwnerTag;
import io.yamano.vim.Port;
import io.yamano.vim.PortRequest;
import io.yamano.vim.Reservation;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.ResourceStatus;
import io.yamano.vim.Usage;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimCapabilities;
import io.yamano.vim.VimConnection;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import io.yamano.vim.Volume;
import io.yamano.vim.VolumeRequest;
import io.yamano.vim.resourceless.AffinityGroups.Location;
import io.yamano.vim.resourceless.FailureInjector.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One resource-less VIM account, in memory. All state is guarded by one lock, held only while state
 * is read or changed (never during the simulated latency); a call either completes or, when it
 * throws, leaves the state as it was.
 */
public final class ResourcelessVim implements VimConnection {

  private static final VimCapabilities CAPABILITIES =
      new VimCapabilities(
          EnumSet.allOf(ResourceKind.class),
          EnumSet.allOf(AffinityRule.Scope.class),
          true,
          true,
          true,
          false);

  private record HeldSlot(Reservation.Slot slot, List<AffinityRule> affinity) {
    Location location() {
      return new Location(slot.zone(), slot.host());
    }
  }

  private final Object lock = new Object();
  private final FailureInjector failures = new FailureInjector();
  private final IdSequence ids = new IdSequence();
  private final CapacityLedger ledger = new CapacityLedger();
  private final AffinityGroups groups = new AffinityGroups();
  private final TreeMap<String, OwnedResource> resources = new TreeMap<>();
  private final Map<String, AddressPool> addresses = new HashMap<>();
  private final Map<String, Map<String, HeldSlot>> reservations = new HashMap<>();

  private volatile VimAccount account;
  private volatile Topology topology;
  private volatile Duration latency;
  private ResourceJournal journal = ResourceJournal.NONE;

  ResourcelessVim(VimAccount account) throws VimException {
    reconfigure(account);
  }

  /**
   * Applies a changed account: capacity, zones, hosts and options. What exists stays, even where it
   * now exceeds capacity; only new requests see the new limits.
   */
  void reconfigure(VimAccount changed) throws VimException {
    ResourcelessOptions options = ResourcelessOptions.of(changed);
    Topology next = Topology.of(changed, options);
    synchronized (lock) {
      this.account = changed;
      this.topology = next;
      this.latency = options.latency();
    }
  }

  /** From now on, records every resource change in {@code kept} (under the VIM's lock). */
  void keepIn(ResourceJournal kept) {
    synchronized (lock) {
      this.journal = kept;
    }
  }

  /** The failure rules of this VIM; empty until a test or an operator adds some. */
  public FailureInjector failures() {
    return failures;
  }

  /** Sets the time every call waits before it runs (overrides the {@code latency-ms} option). */
  public void setLatency(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("negative latency " + value);
    }
    latency = value;
  }

  /**
   * Turns an existing resource to {@link ResourceStatus#ERROR}, as if it had broken in the
   * infrastructure, so that heal can be exercised. Its capacity stays used until it is deleted.
   */
  public OwnedResource markFailed(ResourceKind kind, String id) throws VimException {
    synchronized (lock) {
      OwnedResource broken = require(kind, id).withStatus(ResourceStatus.ERROR);
      resources.put(id, broken);
      journal.put(broken);
      return broken;
    }
  }

  @Override
  public VimAccount account() {
    return account;
  }

  @Override
  public VimCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Reservation reserve(List<ComputeRequest> requests) throws VimException {
    pause();
    synchronized (lock) {
      String names = String.join(", ", requests.stream().map(ComputeRequest::name).toList());
      OwnerTag owner = requests.isEmpty() ? null : requests.get(0).owner();
      check(Operation.RESERVE, new Subject("reservation", null, names, owner));
      if (requests.isEmpty()) {
        throw new VimException(Reason.INVALID_REQUEST, "a reservation needs at least one request");
      }
      var slots = new LinkedHashMap<String, HeldSlot>();
      try {
        for (ComputeRequest request : requests) {
          if (request.reservationId() != null) {
            throw new VimException(
                Reason.INVALID_REQUEST,
                "compute '" + request.name() + "' cannot be reserved from a reservation");
          }
          if (slots.containsKey(request.name())) {
            throw new VimException(
                Reason.INVALID_REQUEST,
                "compute '" + request.name() + "' appears twice in one reservation");
          }
          Location at = Scheduler.place(request, topology, ledger, groups);
          var slot = new Reservation.Slot(request.name(), request.flavour(), at.zone(), at.host());
          ledger.reserve(at.zone(), at.host(), request.flavour().amounts());
          groups.join(request.placement().affinity(), at);
          slots.put(request.name(), new HeldSlot(slot, request.placement().affinity()));
        }
      } catch (VimException e) {
        slots.values().forEach(this::giveBack);
        throw new VimException(
            e.reason(),
            "reservation of [" + names + "] refused, nothing held: " + e.getMessage(),
            e);
      }
      String id = ids.nextReservation();
      reservations.put(id, slots);
      return new Reservation(id, slots.values().stream().map(HeldSlot::slot).toList());
    }
  }

  @Override
  public void release(String reservationId) throws VimException {
    pause();
    synchronized (lock) {
      check(Operation.RELEASE, new Subject("reservation", reservationId, null, null));
      Map<String, HeldSlot> slots = reservations.remove(reservationId);
      if (slots == null) {
        throw new VimException(
            Reason.NOT_FOUND,
            "reservation "
                + reservationId
                + " is unknown or fully used in VIM account '"
                + name()
                + "'");
      }
      slots.values().forEach(this::giveBack);
    }
  }

  @Override
  public Compute createCompute(ComputeRequest request) throws VimException {
    pause();
    synchronized (lock) {
      check(
          Operation.CREATE_COMPUTE, new Subject("compute", null, request.name(), request.owner()));
      Location at;
      List<AffinityRule> affinity;
      if (request.reservationId() != null) {
        HeldSlot held = takeSlot(request);
        at = held.location();
        affinity = held.affinity();
        ledger.unreserve(at.zone(), at.host(), request.flavour().amounts());
        ledger.use(at.zone(), at.host(), request.flavour().amounts());
      } else {
        at = Scheduler.place(request, topology, ledger, groups);
        affinity = request.placement().affinity();
        ledger.use(at.zone(), at.host(), request.flavour().amounts());
        groups.join(affinity, at);
      }
      var compute =
          new Compute(
              ids.next(ResourceKind.COMPUTE),
              request.name(),
              request.owner(),
              request.flavour(),
              request.image(),
              at.zone(),
              at.host(),
              affinity,
              ResourceStatus.ACTIVE);
      resources.put(compute.id(), compute);
      journal.put(compute);
      return compute;
    }
  }

  @Override
  public Network createNetwork(NetworkRequest request) throws VimException {
    pause();
    synchronized (lock) {
      check(
          Operation.CREATE_NETWORK, new Subject("network", null, request.name(), request.owner()));
      AddressPool pool =
          AddressPool.of(
              "network '" + request.name() + "'",
              request.cidr(),
              request.gatewayIp(),
              request.allocationPools());
      var network =
          new Network(
              ids.next(ResourceKind.NETWORK),
              request.name(),
              request.owner(),
              request.cidr(),
              pool.gateway(),
              request.allocationPools(),
              ResourceStatus.ACTIVE);
      addresses.put(network.id(), pool);
      resources.put(network.id(), network);
      journal.put(network);
      return network;
    }
  }

  @Override
  public Port createPort(PortRequest request) throws VimException {
    pause();
    synchronized (lock) {
      check(Operation.CREATE_PORT, new Subject("port", null, request.name(), request.owner()));
      require(ResourceKind.NETWORK, request.networkId());
      if (request.computeId() != null) {
        require(ResourceKind.COMPUTE, request.computeId());
      }
      String ip = addresses.get(request.networkId()).allocate(request.name(), request.staticIp());
      String id = ids.next(ResourceKind.PORT);
      var port =
          new Port(
              id,
              request.name(),
              request.owner(),
              request.networkId(),
              request.computeId(),
              ip,
              macAddress(id),
              ResourceStatus.ACTIVE);
      resources.put(id, port);
      journal.put(port);
      return port;
    }
  }

  @Override
  public Volume createVolume(VolumeRequest request) throws VimException {
    pause();
    synchronized (lock) {
      check(Operation.CREATE_VOLUME, new Subject("volume", null, request.name(), request.owner()));
      String zone = volumeZone(request);
      ledger.use(zone, null, Amounts.storage(request.sizeGb()));
      var volume =
          new Volume(
              ids.next(ResourceKind.VOLUME),
              request.name(),
              request.owner(),
              request.sizeGb(),
              zone,
              request.attachTo(),
              ResourceStatus.ACTIVE);
      resources.put(volume.id(), volume);
      journal.put(volume);
      return volume;
    }
  }

  @Override
  public void delete(ResourceKind kind, String id) throws VimException {
    pause();
    synchronized (lock) {
      OwnedResource resource = require(kind, id);
      check(Operation.delete(kind), subject(resource));
      if (resource instanceof Compute compute) {
        var at = new Location(compute.zone(), compute.host());
        ledger.free(at.zone(), at.host(), compute.flavour().amounts());
        groups.leave(compute.affinity(), at);
        detachFrom(id);
      } else if (resource instanceof Network network) {
        List<String> ports =
            resources.values().stream()
                .filter(r -> r instanceof Port p && p.networkId().equals(id))
                .map(OwnedResource::id)
                .toList();
        if (!ports.isEmpty()) {
          throw new VimException(
              Reason.CONFLICT,
              "network '" + network.name() + "' (" + id + ") still has ports " + ports);
        }
        addresses.remove(id);
      } else if (resource instanceof Port port) {
        addresses.get(port.networkId()).free(port.ipAddress());
      } else if (resource instanceof Volume volume) {
        ledger.free(volume.zone(), null, Amounts.storage(volume.sizeGb()));
      }
      resources.remove(id);
      journal.delete(id);
    }
  }

  @Override
  public ResourceStatus status(ResourceKind kind, String id) throws VimException {
    pause();
    synchronized (lock) {
      OwnedResource resource = resources.get(id);
      check(
          Operation.STATUS,
          resource == null ? new Subject(kind.label(), id, null, null) : subject(resource));
      if (resource != null && resource.kind() == kind) {
        return resource.status();
      }
      if (ids.issued(kind, id)) {
        return ResourceStatus.DELETED;
      }
      throw notFound(kind, id);
    }
  }

  @Override
  public Usage usage() throws VimException {
    pause();
    synchronized (lock) {
      check(Operation.USAGE, new Subject("account", null, name(), null));
      return ledger.usage(topology);
    }
  }

  @Override
  public List<OwnedResource> listOwned() throws VimException {
    pause();
    synchronized (lock) {
      check(Operation.LIST_OWNED, new Subject("account", null, name(), null));
      return List.copyOf(resources.values());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Capacity is not enforced here: what existed, exists, even if the account has shrunk since.
   * Failure rules do not apply. Later ids continue after the highest restored one.
   */
  @Override
  public void restore(Collection<? extends OwnedResource> restored) throws VimException {
    synchronized (lock) {
      if (!resources.isEmpty() || !reservations.isEmpty()) {
        throw new VimException(
            Reason.CONFLICT,
            "VIM account '"
                + name()
                + "' already holds "
                + resources.size()
                + " resources and "
                + reservations.size()
                + " reservations; restore needs an empty VIM");
      }
      var ordered = new ArrayList<OwnedResource>(restored);
      ordered.sort(Comparator.comparing(OwnedResource::kind)); // compute, network, port, volume
      try {
        var seen = new HashSet<String>();
        for (OwnedResource r : ordered) {
          if (!seen.add(r.id())) {
            throw invalid("id " + r.id() + " appears twice");
          }
        }
        for (OwnedResource r : ordered) {
          if (r instanceof Network network) {
            addresses.put(
                network.id(),
                AddressPool.of(
                    "network '" + network.name() + "' (" + network.id() + ")",
                    network.cidr(),
                    network.gatewayIp(),
                    network.allocationPools()));
            resources.put(network.id(), network);
          }
        }
        for (OwnedResource r : ordered) {
          if (r instanceof Compute compute) {
            var at = new Location(compute.zone(), compute.host());
            ledger.use(at.zone(), at.host(), compute.flavour().amounts());
            groups.join(compute.affinity(), at);
            resources.put(compute.id(), compute);
          } else if (r instanceof Port port) {
            AddressPool pool = addresses.get(port.networkId());
            if (pool == null) {
              throw invalid("port " + port.id() + " is on missing network " + port.networkId());
            }
            if (port.computeId() != null && !(resources.get(port.computeId()) instanceof Compute)) {
              throw invalid(
                  "port " + port.id() + " is bound to missing compute " + port.computeId());
            }
            pool.hold(port.name(), port.ipAddress());
            resources.put(port.id(), port);
          } else if (r instanceof Volume volume) {
            if (volume.attachedTo() != null
                && !(resources.get(volume.attachedTo()) instanceof Compute)) {
              throw invalid(
                  "volume "
                      + volume.id()
                      + " is attached to missing compute "
                      + volume.attachedTo());
            }
            ledger.use(volume.zone(), null, Amounts.storage(volume.sizeGb()));
            resources.put(volume.id(), volume);
          }
          ids.observe(r.kind(), r.id());
        }
      } catch (VimException e) {
        resources.clear();
        addresses.clear();
        ledger.clear();
        groups.clear();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    // nothing client-side to release; state belongs to the driver
  }

  @Override
  public String toString() {
    return "ResourcelessVim[" + name() + "]";
  }

  private String name() {
    return account.name();
  }

  private void pause() throws VimException {
    Duration wait = latency;
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VimException(
          Reason.UNREACHABLE, "interrupted while calling VIM account '" + name() + "'", e);
    }
  }

  private void check(Operation operation, Subject subject) throws VimException {
    failures.check(name(), operation, subject);
  }

  private static Subject subject(OwnedResource resource) {
    return new Subject(resource.kind().label(), resource.id(), resource.name(), resource.owner());
  }

  private OwnedResource require(ResourceKind kind, String id) throws VimException {
    OwnedResource resource = resources.get(id);
    if (resource == null || resource.kind() != kind) {
      throw notFound(kind, id);
    }
    return resource;
  }

  private VimException notFound(ResourceKind kind, String id) {
    return new VimException(
        Reason.NOT_FOUND, "no " + kind.label() + " " + id + " in VIM account '" + name() + "'");
  }

  private VimException invalid(String why) {
    return new VimException(
        Reason.INVALID_REQUEST, "cannot restore VIM account '" + name() + "': " + why);
  }

  private void giveBack(HeldSlot held) {
    Location at = held.location();
    ledger.unreserve(at.zone(), at.host(), held.slot().flavour().amounts());
    groups.leave(held.affinity(), at);
  }

  private HeldSlot takeSlot(ComputeRequest request) throws VimException {
    Map<String, HeldSlot> slots = reservations.get(request.reservationId());
    if (slots == null) {
      throw new VimException(
          Reason.NOT_FOUND,
          "compute '"
              + request.name()
              + "' names reservation "
              + request.reservationId()
              + ", unknown or fully used in VIM account '"
              + name()
              + "'");
    }
    HeldSlot held = slots.get(request.name());
    if (held == null) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          "reservation "
              + request.reservationId()
              + " holds no slot named '"
              + request.name()
              + "' (left: "
              + slots.keySet()
              + ")");
    }
    if (!held.slot().flavour().equals(request.flavour())) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          "compute '"
              + request.name()
              + "' asks for "
              + request.flavour()
              + ", reservation "
              + request.reservationId()
              + " holds "
              + held.slot().flavour());
    }
    slots.remove(request.name());
    if (slots.isEmpty()) {
      reservations.remove(request.reservationId());
    }
    return held;
  }

  private void detachFrom(String computeId) {
    for (var entry : resources.entrySet()) {
      OwnedResource r = entry.getValue();
      if (r instanceof Port port && computeId.equals(port.computeId())) {
        entry.setValue(port.boundTo(null));
        journal.put(entry.getValue());
      } else if (r instanceof Volume volume && computeId.equals(volume.attachedTo())) {
        entry.setValue(volume.attachedTo(null));
        journal.put(entry.getValue());
      }
    }
  }

  private String volumeZone(VolumeRequest request) throws VimException {
    Topology topo = topology;
    String what = "volume '" + request.name() + "' (" + request.sizeGb() + " GiB)";
    String zone = request.zone();
    if (request.attachTo() != null) {
      String computeZone = ((Compute) require(ResourceKind.COMPUTE, request.attachTo())).zone();
      if (zone != null && !zone.equals(computeZone)) {
        throw new VimException(
            Reason.INVALID_REQUEST,
            what
                + " asks for zone '"
                + zone
                + "' but attaches to "
                + request.attachTo()
                + " in zone '"
                + computeZone
                + "'");
      }
      zone = computeZone;
    }
    if (zone != null && topo.zone(zone).isEmpty() && request.attachTo() == null) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          what
              + " asks for zone '"
              + zone
              + "', VIM account '"
              + name()
              + "' has "
              + topo.zoneNames());
    }
    Amounts need = Amounts.storage(request.sizeGb());
    String accountShortfall = topo.capacity().shortfall(ledger.accountCommitted(), need);
    if (accountShortfall != null) {
      throw new VimException(
          Reason.NO_CAPACITY,
          what + " does not fit VIM account '" + name() + "': " + accountShortfall);
    }
    List<String> candidates = zone == null ? topo.zoneNames() : List.of(zone);
    var dropped = new ArrayList<String>();
    String best = null;
    for (String candidate : candidates) {
      String shortfall =
          topo.zoneCapacity(candidate).shortfall(ledger.zoneCommitted(candidate), need);
      if (shortfall != null) {
        dropped.add("zone '" + candidate + "': " + shortfall);
      } else if (best == null
          || ledger.zoneCommitted(candidate).storageGb() < ledger.zoneCommitted(best).storageGb()) {
        best = candidate;
      }
    }
    if (best == null) {
      throw new VimException(
          Reason.NO_CAPACITY,
          "no zone of VIM account '"
              + name()
              + "' can take "
              + what
              + ": "
              + String.join("; ", dropped));
    }
    return best;
  }

  private static String macAddress(String id) {
    long n = Integer.toUnsignedLong(id.hashCode());
    int dash = id.lastIndexOf('-');
    try {
      n = Long.parseLong(id.substring(dash + 1));
    } catch (NumberFormatException e) {
      // not one of our ids; the hash will do
    }
    return String.format("fa:16:3e:%02x:%02x:%02x", (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
  }
}
