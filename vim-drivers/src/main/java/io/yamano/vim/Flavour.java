package io.yamano.vim;

/** The size of one compute resource: virtual CPUs, memory and local (ephemeral) disk. */
public record Flavour(int vcpus, long memoryMb, long storageGb) implements java.io.Serializable {

  public Flavour {
    if (vcpus < 1) {
      throw new IllegalArgumentException("a flavour needs at least one vCPU: " + vcpus);
    }
    if (memoryMb < 1) {
      throw new IllegalArgumentException("a flavour needs memory: " + memoryMb + " MiB");
    }
    if (storageGb < 0) {
      throw new IllegalArgumentException("storage must not be negative: " + storageGb + " GiB");
    }
  }

  /** What one instance of this flavour takes from a host, zone and account. */
  public Amounts amounts() {
    return new Amounts(vcpus, memoryMb, storageGb, 1);
  }

  @Override
  public String toString() {
    return vcpus + " vCPU, " + memoryMb + " MiB, " + storageGb + " GiB";
  }
}
