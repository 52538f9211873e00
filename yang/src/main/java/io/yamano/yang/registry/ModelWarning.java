package io.yamano.yang.registry;

import java.util.Objects;

/**
 * Something the registry accepted but the operator should know: a module repaired in lenient mode,
 * a duplicate source ignored.
 *
 * @param location the file and line concerned
 * @param message what happened
 */
public record ModelWarning(SourceLocation location, String message) {

  public ModelWarning {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return location + ": warning: " + message;
  }
}
