package io.yamano.cli.parse;

/** A command line that cannot be read, with the column where reading stopped. */
public final class CliSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int column;

  public CliSyntaxException(int column, String message) {
    super(message);
    this.column = column;
  }

  /** The 0-based column of the offending word. */
  public int column() {
    return column;
  }
}
