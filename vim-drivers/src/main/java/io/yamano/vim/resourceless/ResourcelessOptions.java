package io.yamano.vim.resourceless;

import io.yamano.vim.Capacity;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.time.Duration;
import java.util.Map;

/**
 * The {@link VimAccount#options()} the resource-less driver reads, checked once at connect time.
 *
 * <ul>
 *   <li>{@value #LATENCY_MS}: milliseconds every call waits before it runs, to imitate a remote
 *       VIM. Default {@code 0}.
 *   <li>{@value #HOST_CAPACITY}: capacity of every host declared without one, as {@code
 *       vcpus=32,memory-mb=131072,storage-gb=2000,max-instances=50} (figures left out are
 *       unlimited). Default: unlimited, so only zone and account capacity apply.
 * </ul>
 */
public record ResourcelessOptions(Duration latency, Capacity hostCapacity) {

  public static final String LATENCY_MS = "latency-ms";
  public static final String HOST_CAPACITY = "host-capacity";

  static ResourcelessOptions of(VimAccount account) throws VimException {
    Map<String, String> options = account.options();
    Duration latency = Duration.ZERO;
    Capacity host = Capacity.UNBOUNDED;
    try {
      if (options.containsKey(LATENCY_MS)) {
        latency = Duration.ofMillis(Long.parseLong(options.get(LATENCY_MS).strip()));
        if (latency.isNegative()) {
          throw new IllegalArgumentException("negative latency");
        }
      }
      if (options.containsKey(HOST_CAPACITY)) {
        host = parseCapacity(options.get(HOST_CAPACITY));
      }
    } catch (IllegalArgumentException e) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          "VIM account '" + account.name() + "' has a bad option: " + e.getMessage(),
          e);
    }
    return new ResourcelessOptions(latency, host);
  }

  static Capacity parseCapacity(String text) {
    Capacity capacity = Capacity.UNBOUNDED;
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            HOST_CAPACITY + ": expected figure=value in '" + part + "'");
      }
      long value = Long.parseLong(kv[1].strip());
      capacity =
          switch (kv[0].strip()) {
            case "vcpus" -> capacity.withVcpus(value);
            case "memory-mb" -> capacity.withMemoryMb(value);
            case "storage-gb" -> capacity.withStorageGb(value);
            case "max-instances" -> capacity.withInstances(value);
            default ->
                throw new IllegalArgumentException(
                    HOST_CAPACITY + ": unknown figure '" + kv[0].strip() + "'");
          };
    }
    return capacity;
  }
}
