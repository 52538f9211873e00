package io.yamano.datastore.nacm;

import java.util.Locale;
import java.util.Optional;

/** The access operations of RFC 8341 §3.2.2 ({@code access-operations-type} bits). */
public enum Access {
  CREATE,
  READ,
  UPDATE,
  DELETE,
  EXEC;

  /** The bit name in {@code ietf-netconf-acm}. */
  public String yangName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Access> of(String yangName) {
    for (var a : values()) {
      if (a.yangName().equals(yangName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  boolean isWrite() {
    return this == CREATE || this == UPDATE || this == DELETE;
  }
}
