package io.yamano.yang.registry;

import java.util.Objects;

/**
 * A place in a YANG source.
 *
 * @param file where the source came from: a file path as given, or a classpath location
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative line or column: " + line + ":" + column);
    }
  }

  /** A whole file, no position known. */
  public static SourceLocation of(String file) {
    return new SourceLocation(file, 0, 0);
  }

  /** {@code file:line:column}, leaving out what is unknown. */
  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
