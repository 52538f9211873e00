package io.yamano.server;

/** The exit codes of {@code yamano} commands, for scripts (documented in the README). */
final class ExitCodes {
  /** Done. */
  static final int OK = 0;

  /** Failed (I/O, refused configuration, ...); the message says why. */
  static final int FAILED = 1;

  /** Bad command line (picocli's own code for usage errors). */
  static final int USAGE = 2;

  /** YANG modules failed to load. */
  static final int MODELS = 3;

  /** The data directory is in use by a running server (or must be stopped first). */
  static final int IN_USE = 4;

  /** {@code yamano validate}: the document is not valid. */
  static final int INVALID = 5;

  private ExitCodes() {}
}
