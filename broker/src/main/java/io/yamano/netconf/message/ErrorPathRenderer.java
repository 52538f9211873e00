package io.yamano.netconf.message;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * Renders an instance identifier as the text of {@code <error-path>} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-4.3">RFC 6241 §4.3</a>). A schema-aware
 * implementation uses each module's own prefix; {@link #GENERATED_PREFIXES} needs no schema.
 */
@FunctionalInterface
public interface ErrorPathRenderer {
  /** Prefixes {@code n1}, {@code n2} ... in order of first use; values rendered as strings. */
  ErrorPathRenderer GENERATED_PREFIXES = new GeneratedPrefixPathRenderer();

  /** The path as an absolute XPath with its prefix bindings. */
  RenderedPath render(YangInstanceIdentifier path);
}
