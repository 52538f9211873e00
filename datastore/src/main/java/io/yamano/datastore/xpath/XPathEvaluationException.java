package io.yamano.datastore.xpath;

/**
 * An expression that cannot be evaluated: an unknown or unsupported function, a wrong argument
 * count or type, an invalid regular expression, a variable reference. Evaluation never guesses: it
 * raises this instead of returning a result that could be wrong.
 */
public final class XPathEvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what could not be evaluated and why
   */
  public XPathEvaluationException(final String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what could not be evaluated and why
   * @param cause the underlying failure
   */
  public XPathEvaluationException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
