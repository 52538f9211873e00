package io.yamano.vim;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is used (by existing resources) and reserved (by reservations) at one level: the account,
 * whose parts are zones, or a zone, whose parts are hosts. Volumes count at account and zone level
 * only. Parts are sorted by name.
 */
public record Usage(Capacity capacity, Amounts used, Amounts reserved, Map<String, Usage> parts) {

  public Usage {
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(used, "used");
    Objects.requireNonNull(reserved, "reserved");
    parts = Collections.unmodifiableSortedMap(new TreeMap<>(parts));
  }

  /** Used plus reserved: what is no longer free. */
  public Amounts committed() {
    return used.plus(reserved);
  }

  /**
   * One part (zone of an account, host of a zone).
   *
   * @throws IllegalArgumentException if there is no such part
   */
  public Usage part(String name) {
    Usage part = parts.get(name);
    if (part == null) {
      throw new IllegalArgumentException("no part '" + name + "' in " + parts.keySet());
    }
    return part;
  }
}
