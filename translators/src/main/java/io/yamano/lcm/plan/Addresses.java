package io.yamano.lcm.plan;

import io.yamano.vim.IpRange;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Address arithmetic for checking what descriptors and instances declare (pools, fixed addresses)
 * before anything reaches a VIM. Only literals are accepted: nothing here ever resolves a name.
 */
final class Addresses {
  private Addresses() {}

  /** A subnet as numbers: its first and last address. */
  record Block(BigInteger first, BigInteger last, int bytes) {
    boolean contains(BigInteger address, int addressBytes) {
      return addressBytes == bytes && address.compareTo(first) >= 0 && address.compareTo(last) <= 0;
    }
  }

  /** An IPv4 or IPv6 literal as a number and its byte length, or an exception saying why not. */
  static BigInteger number(String literal) throws IllegalArgumentException {
    return new BigInteger(1, bytes(literal));
  }

  static int length(String literal) {
    return bytes(literal).length;
  }

  private static byte[] bytes(String literal) {
    String text = literal.trim();
    if (text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("'" + literal + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + literal + "' is not an IP address");
    }
  }

  /** {@code address/prefix}. */
  static Block block(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + cidr + "' is not a CIDR block (address/prefix)");
    }
    byte[] base = bytes(cidr.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + cidr + "' has no numeric prefix length");
    }
    int bits = base.length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("'" + cidr + "' has a prefix outside 0.." + bits);
    }
    BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
    BigInteger first = new BigInteger(1, base).shiftRight(bits - prefix).shiftLeft(bits - prefix);
    return new Block(first, first.add(size).subtract(BigInteger.ONE), base.length);
  }

  /**
   * The pools of an {@code ip-allocation-pools} leaf-list, each {@code start-end} or a CIDR block,
   * all inside {@code cidr}.
   */
  static List<IpRange> pools(List<String> written, String cidr) {
    var out = new ArrayList<IpRange>();
    Block subnet = block(cidr);
    for (String pool : written) {
      String start;
      String end;
      if (pool.contains("/")) {
        Block b = block(pool);
        start = text(b.first(), b.bytes());
        end = text(b.last(), b.bytes());
      } else {
        int dash = pool.indexOf('-');
        if (dash < 0) {
          throw new IllegalArgumentException(
              "ip-allocation-pools entry '" + pool + "' is neither start-end nor a CIDR block");
        }
        start = pool.substring(0, dash).trim();
        end = pool.substring(dash + 1).trim();
      }
      BigInteger s = number(start);
      BigInteger e = number(end);
      if (!subnet.contains(s, length(start)) || !subnet.contains(e, length(end))) {
        throw new IllegalArgumentException(
            "ip-allocation-pools entry '" + pool + "' is not inside " + cidr);
      }
      if (s.compareTo(e) > 0) {
        throw new IllegalArgumentException(
            "ip-allocation-pools entry '" + pool + "' ends before it starts");
      }
      out.add(new IpRange(start, end));
    }
    return out;
  }

  private static String text(BigInteger value, int bytes) {
    byte[] raw = value.toByteArray();
    byte[] exact = new byte[bytes];
    int copy = Math.min(bytes, raw.length);
    System.arraycopy(raw, raw.length - copy, exact, bytes - copy, copy);
    try {
      return InetAddress.getByAddress(exact).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
