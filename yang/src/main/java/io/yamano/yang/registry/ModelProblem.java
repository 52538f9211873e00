package io.yamano.yang.registry;

import java.util.Objects;

/**
 * Why a YANG module could not be loaded: where, and the real reason.
 *
 * @param location the file and line of the offending statement
 * @param message what is wrong, and when known what to do about it
 */
public record ModelProblem(SourceLocation location, String message) {

  public ModelProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column: message}, the form compilers use. */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
