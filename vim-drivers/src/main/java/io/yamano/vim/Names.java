package io.yamano.vim;

/** Checks shared by the request records. */
final class Names {

  private Names() {}

  static void require(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a " + what + " request needs a name");
    }
  }
}
