package io.yamano.vim;

/** Quantities of resources used, reserved or requested. */
public record Amounts(long vcpus, long memoryMb, long storageGb, long instances) {

  public static final Amounts ZERO = new Amounts(0, 0, 0, 0);

  public Amounts {
    if (vcpus < 0 || memoryMb < 0 || storageGb < 0 || instances < 0) {
      throw new IllegalArgumentException(
          "amounts must not be negative: "
              + vcpus
              + "/"
              + memoryMb
              + "/"
              + storageGb
              + "/"
              + instances);
    }
  }

  /** Storage only, as a volume uses it. */
  public static Amounts storage(long storageGb) {
    return new Amounts(0, 0, storageGb, 0);
  }

  public Amounts plus(Amounts other) {
    return new Amounts(
        vcpus + other.vcpus,
        memoryMb + other.memoryMb,
        storageGb + other.storageGb,
        instances + other.instances);
  }

  /**
   * @throws IllegalArgumentException if any figure would become negative
   */
  public Amounts minus(Amounts other) {
    return new Amounts(
        vcpus - other.vcpus,
        memoryMb - other.memoryMb,
        storageGb - other.storageGb,
        instances - other.instances);
  }

  public boolean isZero() {
    return equals(ZERO);
  }
}
