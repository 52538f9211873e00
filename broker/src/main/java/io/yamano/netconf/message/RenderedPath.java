package io.yamano.netconf.message;

import java.util.Map;
import java.util.Objects;

/**
 * An {@code error-path} as text with the prefixes it uses.
 *
 * @param xpath the absolute XPath expression, such as {@code
 *     /if:interfaces/if:interface[if:name='eth0']}
 * @param namespaces prefix to namespace URI for every prefix in {@code xpath}
 */
public record RenderedPath(String xpath, Map<String, String> namespaces) {
  public RenderedPath {
    Objects.requireNonNull(xpath, "xpath");
    namespaces = Map.copyOf(namespaces);
  }
}
