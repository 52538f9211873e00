package io.yamano.onboarding;

/** What onboarding did to one node of the input. */
public enum DeviationKind {
  /**
   * A lossless rewrite between formats or SOL006 versions (a node renamed or moved, a container
   * folded into a leaf-list): the meaning is unchanged, so strict mode accepts it.
   */
  MAPPED("mapped"),
  /** A value or structure changed to fit the YANG type (case, quoting, scalar for a list). */
  COERCED("coerced"),
  /** A missing mandatory node filled with a documented default. */
  DEFAULTED("defaulted"),
  /** Data Yamano's model has no place for, kept beside the descriptor as a vendor extension. */
  KEPT_AS_EXTENSION("kept-as-extension"),
  /** Data removed because it cannot be stored (an invalid optional value, a false {@code when}). */
  DROPPED("dropped"),
  /** A problem that stops the import. */
  REFUSED("refused");

  private final String yangName;

  DeviationKind(String yangName) {
    this.yangName = yangName;
  }

  /** The enum value in module {@code yamano-packages}. */
  public String yangName() {
    return yangName;
  }
}
