package io.yamano.netconf.message;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;

/** Renders paths with generated prefixes, one per namespace, for use without a schema. */
final class GeneratedPrefixPathRenderer implements ErrorPathRenderer {

  @Override
  public RenderedPath render(YangInstanceIdentifier path) {
    Map<String, String> prefixByNamespace = new LinkedHashMap<>();
    var xpath = new StringBuilder();
    for (PathArgument arg : path.getPathArguments()) {
      xpath.append('/').append(name(arg.getNodeType(), prefixByNamespace));
      if (arg instanceof NodeIdentifierWithPredicates keyed) {
        for (var key : keyed.entrySet()) {
          xpath
              .append('[')
              .append(name(key.getKey(), prefixByNamespace))
              .append('=')
              .append(literal(String.valueOf(key.getValue())))
              .append(']');
        }
      } else if (arg instanceof NodeWithValue<?> leafListEntry) {
        xpath.append("[.=").append(literal(String.valueOf(leafListEntry.getValue()))).append(']');
      }
    }
    if (xpath.length() == 0) {
      xpath.append('/');
    }
    Map<String, String> namespaceByPrefix = new LinkedHashMap<>();
    prefixByNamespace.forEach((ns, prefix) -> namespaceByPrefix.put(prefix, ns));
    return new RenderedPath(xpath.toString(), namespaceByPrefix);
  }

  private static String name(QName qname, Map<String, String> prefixByNamespace) {
    String prefix =
        prefixByNamespace.computeIfAbsent(
            qname.getNamespace().toString(), ns -> "n" + (prefixByNamespace.size() + 1));
    return prefix + ":" + qname.getLocalName();
  }

  /** An XPath 1.0 literal: quoted with ' unless the value contains one. */
  private static String literal(String value) {
    return value.indexOf('\'') < 0 ? "'" + value + "'" : "\"" + value + "\"";
  }
}
