package io.yamano.vim;

import java.util.Objects;

/** An inclusive range of addresses ports may get, as {@code start} and {@code end} literals. */
public record IpRange(String start, String end) implements java.io.Serializable {

  public IpRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
