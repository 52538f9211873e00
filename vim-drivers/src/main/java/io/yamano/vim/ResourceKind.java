package io.yamano.vim;

/** The kinds of resource a VIM connection manages. */
public enum ResourceKind {
  COMPUTE,
  NETWORK,
  PORT,
  VOLUME;

  /** Lower-case name used in messages and ids. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
