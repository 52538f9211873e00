package io.yamano.onboarding.mapping;

/** The outcome of fitting one scalar to a YANG type. */
sealed interface Coercion {
  /**
   * The value fits as written (or only differs in syntax that carries no meaning, such as an XML
   * prefix).
   *
   * @param lexical the value in YANG's canonical lexical form
   * @param namespace the identity's namespace for an identityref, else ""
   */
  record Fits(String lexical, String namespace) implements Coercion {}

  /** The value fits after a change that the report must show. */
  record Changed(String lexical, String namespace, String reason) implements Coercion {}

  /** The value was renamed between SOL006 versions: same meaning, lossless. */
  record Mapped(String lexical, String namespace, String reason) implements Coercion {}

  /** The value cannot fit. */
  record Invalid(String reason) implements Coercion {}
}
