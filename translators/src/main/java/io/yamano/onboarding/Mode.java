package io.yamano.onboarding;

/** How far onboarding may go to make an input fit Yamano's model. */
public enum Mode {
  /**
   * Only lossless {@link DeviationKind#MAPPED} rewrites are allowed; any other deviation is a
   * refusal, and all of them are listed.
   */
  STRICT,
  /**
   * Coerce types, fill documented defaults for missing mandatory nodes, keep unknown data as vendor
   * extensions and drop what cannot be stored, reporting each change.
   */
  LENIENT
}
