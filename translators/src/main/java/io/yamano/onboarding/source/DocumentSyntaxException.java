package io.yamano.onboarding.source;

/** The input is not well-formed XML, JSON or YAML; the message says where. */
public final class DocumentSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  public DocumentSyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
