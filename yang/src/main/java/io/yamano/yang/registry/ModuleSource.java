package io.yamano.yang.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * One YANG module or submodule in the schema, with the text it was built from, so that NETCONF
 * {@code <get-schema>} (RFC 6022 §3.1) and the YANG library (RFC 8525) can serve it.
 *
 * @param name the module or submodule name
 * @param revision its newest {@code revision} date, or empty if it has none
 * @param submodule whether this is a {@code submodule}
 * @param origin whether it came with Yamano or from an operator's model directory
 * @param location the file path or classpath location it was read from
 * @param text the text the schema was built from: the file's text, or, when the registry repaired
 *     it in lenient mode ({@link #repaired()}), the repaired copy
 * @param repaired whether {@code text} differs from the file because of a lenient repair
 */
public record ModuleSource(
    String name,
    Optional<String> revision,
    boolean submodule,
    Origin origin,
    String location,
    String text,
    boolean repaired) {

  public ModuleSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(text, "text");
  }

  /** {@code name@revision}, or {@code name} without a revision. */
  public String id() {
    return revision.map(r -> name + "@" + r).orElse(name);
  }

  /** Where a source came from. */
  public enum Origin {
    /** A {@code META-INF/yang/*.yang} resource on the classpath (Yamano's and IETF modules). */
    BUNDLED,
    /** A {@code .yang} file under a model directory given by the operator ({@code --models}). */
    USER
  }
}
