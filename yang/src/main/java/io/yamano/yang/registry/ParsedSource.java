package io.yamano.yang.registry;

import io.yamano.yang.registry.ModuleSource.Origin;
import java.util.Comparator;
import java.util.Optional;

/**
 * One source text read from the classpath or a model directory, with its statement tree when it is
 * well-formed. Name and revision come from the text, or from the file name when the text cannot be
 * scanned (yangtools then reports the syntax error).
 */
final class ParsedSource {
  private final String location;
  private final Origin origin;
  private final String text;
  private final YangStatement root;
  private final YangSourceScanner.SyntaxError syntaxError;

  private ParsedSource(
      String location,
      Origin origin,
      String text,
      YangStatement root,
      YangSourceScanner.SyntaxError syntaxError) {
    this.location = location;
    this.origin = origin;
    this.text = text;
    this.root = root;
    this.syntaxError = syntaxError;
  }

  static ParsedSource parse(String location, Origin origin, String text) {
    try {
      return new ParsedSource(location, origin, text, YangSourceScanner.scan(text), null);
    } catch (YangSourceScanner.SyntaxError e) {
      return new ParsedSource(location, origin, text, null, e);
    }
  }

  /** The same source with a different text (a lenient repair); positions are rescanned. */
  ParsedSource withText(String newText) {
    return parse(location, origin, newText);
  }

  String location() {
    return location;
  }

  Origin origin() {
    return origin;
  }

  String text() {
    return text;
  }

  /** The statement tree, empty when the text is not well-formed. */
  Optional<YangStatement> root() {
    return Optional.ofNullable(root);
  }

  Optional<YangSourceScanner.SyntaxError> syntaxError() {
    return Optional.ofNullable(syntaxError);
  }

  boolean isSubmodule() {
    return root != null && root.keyword().equals("submodule");
  }

  String name() {
    if (root != null && root.argument() != null) {
      return root.argument();
    }
    String file =
        location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
    file = file.endsWith(".yang") ? file.substring(0, file.length() - 5) : file;
    int at = file.indexOf('@');
    return at < 0 ? file : file.substring(0, at);
  }

  /** The newest {@code revision} date (RFC 7950 §7.1.9), or empty. */
  Optional<String> revision() {
    if (root == null) {
      return Optional.empty();
    }
    return root.children("revision").stream()
        .map(YangStatement::argument)
        .filter(r -> r != null)
        .max(Comparator.naturalOrder());
  }

  /** For a submodule, the module it belongs to; for a module, its own name. */
  String moduleName() {
    if (isSubmodule()) {
      return root.childArgument("belongs-to").orElse(name());
    }
    return name();
  }

  String id() {
    return revision().map(r -> name() + "@" + r).orElse(name());
  }

  ModuleSource toModuleSource(boolean repaired) {
    return new ModuleSource(name(), revision(), isSubmodule(), origin, location, text, repaired);
  }
}
