package io.yamano.cli.parse;

/**
 * One word of a command line.
 *
 * @param text the word with quotes removed
 * @param start column of its first character (0-based)
 * @param end column after its last character
 * @param quoted whether it was quoted (a quoted {@code |} is a value, not a pipe)
 */
public record Token(String text, int start, int end, boolean quoted) {
  public boolean isPipe() {
    return !quoted && text.equals("|");
  }
}
