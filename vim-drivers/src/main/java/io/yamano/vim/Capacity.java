package io.yamano.vim;

/**
 * Upper bounds on what may be consumed, as configured in {@code capacity} of a {@code vim-account}.
 * A figure of {@link #UNLIMITED} means the configuration does not bound it.
 */
public record Capacity(long vcpus, long memoryMb, long storageGb, long instances) {

  /** The value of a figure the configuration leaves out. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  /** No bound on anything. */
  public static final Capacity UNBOUNDED = new Capacity(UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED);

  public Capacity {
    requireNotNegative("vcpus", vcpus);
    requireNotNegative("memory-mb", memoryMb);
    requireNotNegative("storage-gb", storageGb);
    requireNotNegative("max-instances", instances);
  }

  /** A capacity bounded on every figure. */
  public static Capacity of(long vcpus, long memoryMb, long storageGb, long instances) {
    return new Capacity(vcpus, memoryMb, storageGb, instances);
  }

  public Capacity withVcpus(long value) {
    return new Capacity(value, memoryMb, storageGb, instances);
  }

  public Capacity withMemoryMb(long value) {
    return new Capacity(vcpus, value, storageGb, instances);
  }

  public Capacity withStorageGb(long value) {
    return new Capacity(vcpus, memoryMb, value, instances);
  }

  public Capacity withInstances(long value) {
    return new Capacity(vcpus, memoryMb, storageGb, value);
  }

  /**
   * The first figure that {@code committed + requested} would exceed, described for a person (for
   * example {@code "vcpus: 62 of 64 committed, 4 requested"}), or {@code null} if it fits.
   */
  public String shortfall(Amounts committed, Amounts requested) {
    String why = shortfall("vcpus", vcpus, committed.vcpus(), requested.vcpus());
    if (why == null) {
      why = shortfall("memory-mb", memoryMb, committed.memoryMb(), requested.memoryMb());
    }
    if (why == null) {
      why = shortfall("storage-gb", storageGb, committed.storageGb(), requested.storageGb());
    }
    if (why == null) {
      why = shortfall("instances", instances, committed.instances(), requested.instances());
    }
    return why;
  }

  private static String shortfall(String figure, long limit, long committed, long requested) {
    if (requested == 0 || limit == UNLIMITED || committed + requested <= limit) {
      return null;
    }
    return figure + ": " + committed + " of " + limit + " committed, " + requested + " requested";
  }

  private static void requireNotNegative(String figure, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(figure + " must not be negative: " + value);
    }
  }

  @Override
  public String toString() {
    return "Capacity[vcpus="
        + figure(vcpus)
        + ", memory-mb="
        + figure(memoryMb)
        + ", storage-gb="
        + figure(storageGb)
        + ", max-instances="
        + figure(instances)
        + "]";
  }

  private static String figure(long value) {
    return value == UNLIMITED ? "unlimited" : Long.toString(value);
  }
}
