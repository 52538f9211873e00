package io.yamano.lcm;

/**
 * Tunables of the lifecycle engine.
 *
 * @param permitsPerAccount VIM calls that may run at once against one VIM account (default 8)
 * @param stepThreads threads that run plan steps, shared by all operations (default 16)
 */
public record EngineOptions(int permitsPerAccount, int stepThreads) {

  public static final EngineOptions DEFAULTS = new EngineOptions(8, 16);

  public EngineOptions {
    if (permitsPerAccount < 1 || stepThreads < 1) {
      throw new IllegalArgumentException(
          "permits per account and step threads must be positive: "
              + permitsPerAccount
              + ", "
              + stepThreads);
    }
  }
}
