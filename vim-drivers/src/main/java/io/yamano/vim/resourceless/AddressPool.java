package io.yamano.vim.resourceless;

import io.yamano.vim.IpRange;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IPv4 addresses of one network: the subnet, the gateway and the allocation pools ports draw
 * from, lowest free address first. Not thread-safe: the VIM guards it.
 */
final class AddressPool {

  private record Range(long start, long end) {
    boolean contains(long address) {
      return address >= start && address <= end;
    }
  }

  private final String network;
  private final String cidr;
  private final long gateway;
  private final List<Range> pools;
  private final long size;
  private final TreeMap<Long, String> allocated = new TreeMap<>();

  private AddressPool(String network, String cidr, long gateway, List<Range> pools) {
    this.network = network;
    this.cidr = cidr;
    this.gateway = gateway;
    this.pools = pools;
    long count = 0;
    for (Range r : pools) {
      count += r.end - r.start + 1 - (r.contains(gateway) ? 1 : 0);
    }
    this.size = count;
  }

  /**
   * @param network how messages name the network
   * @throws VimException {@code INVALID_REQUEST} for a malformed or non-IPv4 subnet, a gateway
   *     outside it, or a pool outside it
   */
  static AddressPool of(String network, String cidr, String gatewayIp, List<IpRange> ranges)
      throws VimException {
    String[] parts = cidr.split("/", 2);
    int prefix;
    long base;
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("no prefix length");
      }
      prefix = Integer.parseInt(parts[1]);
      if (prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("prefix length " + prefix);
      }
      base = parse(parts[0]);
    } catch (IllegalArgumentException e) {
      throw invalid(network, "CIDR '" + cidr + "' is not an IPv4 subnet (" + e.getMessage() + ")");
    }
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long first = base & mask;
    long last = first | (~mask & 0xFFFFFFFFL);
    long firstHost = prefix >= 31 ? first : first + 1;
    long lastHost = prefix >= 31 ? last : last - 1;
    var subnet = new Range(firstHost, lastHost);
    long gateway;
    try {
      gateway = gatewayIp == null ? firstHost : parse(gatewayIp);
    } catch (IllegalArgumentException e) {
      throw invalid(network, "gateway '" + gatewayIp + "' is not an IPv4 address");
    }
    if (!subnet.contains(gateway)) {
      throw invalid(network, "gateway " + format(gateway) + " is outside " + cidr);
    }
    var pools = new ArrayList<Range>();
    for (IpRange range : ranges) {
      Range r;
      try {
        r = new Range(parse(range.start()), parse(range.end()));
      } catch (IllegalArgumentException e) {
        throw invalid(network, "pool " + range + " is not a range of IPv4 addresses");
      }
      if (r.start > r.end || !subnet.contains(r.start) || !subnet.contains(r.end)) {
        throw invalid(network, "pool " + range + " is not within the host addresses of " + cidr);
      }
      pools.add(r);
    }
    if (pools.isEmpty()) {
      pools.add(subnet);
    }
    return new AddressPool(network, cidr, gateway, List.copyOf(pools));
  }

  String gateway() {
    return format(gateway);
  }

  /**
   * Takes an address for a port: {@code wanted} if given, else the lowest free one.
   *
   * @throws VimException {@code INVALID_REQUEST} if {@code wanted} is malformed or outside the
   *     pools, {@code CONFLICT} if it is taken (or the gateway), {@code NO_CAPACITY} if none is
   *     free
   */
  String allocate(String port, String wanted) throws VimException {
    if (wanted != null) {
      long address = requireInPools(port, wanted);
      String holder = address == gateway ? "the gateway" : allocated.get(address);
      if (holder != null) {
        throw new VimException(
            Reason.CONFLICT,
            "port '" + port + "' asks for " + wanted + " on " + network + ", taken by " + holder);
      }
      allocated.put(address, "port '" + port + "'");
      return format(address);
    }
    for (Range r : pools) {
      for (long a = r.start; a <= r.end; a++) {
        if (a != gateway && !allocated.containsKey(a)) {
          allocated.put(a, "port '" + port + "'");
          return format(a);
        }
      }
    }
    throw new VimException(
        Reason.NO_CAPACITY,
        "no free address for port '"
            + port
            + "' on "
            + network
            + " ("
            + cidr
            + "): "
            + allocated.size()
            + " of "
            + size
            + " allocated");
  }

  /** Records an address already held (on restore). */
  void hold(String port, String address) throws VimException {
    long a = requireInPools(port, address);
    if (a == gateway || allocated.containsKey(a)) {
      throw invalid(network, "address " + address + " of port '" + port + "' is held twice");
    }
    allocated.put(a, "port '" + port + "'");
  }

  void free(String address) {
    allocated.remove(parse(address));
  }

  Map<Long, String> allocated() {
    return java.util.Collections.unmodifiableMap(allocated);
  }

  private long requireInPools(String port, String address) throws VimException {
    long a;
    try {
      a = parse(address);
    } catch (IllegalArgumentException e) {
      throw invalid(network, "port '" + port + "': '" + address + "' is not an IPv4 address");
    }
    if (pools.stream().noneMatch(r -> r.contains(a))) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          "port '"
              + port
              + "' asks for "
              + address
              + ", outside the pools of "
              + network
              + " ("
              + pools.stream().map(r -> format(r.start) + "-" + format(r.end)).toList()
              + ")");
    }
    return a;
  }

  private static VimException invalid(String network, String why) {
    return new VimException(Reason.INVALID_REQUEST, network + ": " + why);
  }

  static long parse(String literal) {
    String[] octets = literal.strip().split("\\.", -1);
    if (octets.length != 4) {
      throw new IllegalArgumentException("'" + literal + "' is not a dotted quad");
    }
    long value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("'" + literal + "' is not a dotted quad");
      }
      int n = Integer.parseInt(octet);
      if (n > 255) {
        throw new IllegalArgumentException("'" + literal + "' has an octet above 255");
      }
      value = (value << 8) | n;
    }
    return value;
  }

  static String format(long address) {
    return ((address >> 24) & 0xFF)
        + "."
        + ((address >> 16) & 0xFF)
        + "."
        + ((address >> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }
}
