package io.yamano.onboarding.source;

/** How a scalar was written, which says whether its type matches the YANG leaf's. */
public enum ScalarKind {
  /** XML text: untyped, any YANG type may parse it. */
  UNTYPED,
  /**
   * A quoted string (JSON string, quoted YAML scalar, or a plain YAML scalar that is no number).
   */
  STRING,
  /** A JSON or YAML number. */
  NUMBER,
  /** A JSON or YAML boolean. */
  BOOLEAN,
  /** JSON {@code null}, YAML {@code null} or {@code ~}, an empty YAML value. */
  NULL,
  /** Not a scalar: a container, list entry or sequence. */
  NONE
}
