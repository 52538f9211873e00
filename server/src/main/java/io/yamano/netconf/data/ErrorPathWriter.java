package io.yamano.netconf.data;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Renders a {@link YangInstanceIdentifier} as the {@code error-path} of an {@code <rpc-error>} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-4.3">RFC 6241 §4.3</a>): an absolute XPath
 * in instance-identifier form (<a href="https://www.rfc-editor.org/rfc/rfc7950#section-9.13">RFC
 * 7950 §9.13</a>), each step prefixed with its module's prefix, list entries with one predicate per
 * key, leaf-list entries with {@code [.='value']}. Choices have no step. Values are quoted with
 * {@code '} or, when they hold one, with {@code "}; a value holding both becomes an XPath {@code
 * concat(...)}.
 *
 * <p>Thread-safe; one instance per model context.
 */
public final class ErrorPathWriter {
  private final EffectiveModelContext context;
  private final DataSchemaContextTree tree;

  /**
   * An XPath and the namespace declarations its prefixes need.
   *
   * @param xpath the expression, {@code /} for the root
   * @param namespaces namespace by prefix, in order of first use
   */
  public record ErrorPath(String xpath, Map<String, String> namespaces) {
    public ErrorPath {
      namespaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
    }
  }

  public ErrorPathWriter(EffectiveModelContext context) {
    this.context = context;
    this.tree = DataSchemaContextTree.from(context);
  }

  /** Renders a path. */
  public ErrorPath render(YangInstanceIdentifier path) {
    var prefixes = new Prefixes();
    var xpath = new StringBuilder();
    DataSchemaContext at = tree.getRoot();
    var args = path.getPathArguments();
    for (int i = 0; i < args.size(); i++) {
      PathArgument arg = args.get(i);
      DataSchemaContext next =
          at instanceof DataSchemaContext.Composite composite ? composite.childByArg(arg) : null;
      boolean mixin;
      if (next != null) {
        mixin = next instanceof DataSchemaContext.PathMixin;
      } else {
        // outside the schema: a step followed by its own entry is the list or leaf-list itself
        mixin =
            i + 1 < args.size()
                && !(arg instanceof NodeIdentifierWithPredicates)
                && !(arg instanceof NodeWithValue)
                && args.get(i + 1).getNodeType().equals(arg.getNodeType())
                && (args.get(i + 1) instanceof NodeIdentifierWithPredicates
                    || args.get(i + 1) instanceof NodeWithValue);
      }
      at = next;
      if (mixin) {
        continue;
      }
      xpath.append('/').append(prefixes.qualified(arg.getNodeType()));
      if (arg instanceof NodeIdentifierWithPredicates entry) {
        for (Map.Entry<QName, Object> key : entry.entrySet()) {
          xpath
              .append('[')
              .append(prefixes.qualified(key.getKey()))
              .append('=')
              .append(quote(text(key.getValue(), prefixes)))
              .append(']');
        }
      } else if (arg instanceof NodeWithValue<?> value) {
        xpath.append("[.=").append(quote(text(value.getValue(), prefixes))).append(']');
      }
    }
    return new ErrorPath(xpath.length() == 0 ? "/" : xpath.toString(), prefixes.declared);
  }

  /**
   * Writes {@code <error-path>} in the NETCONF base namespace, declaring the prefixes it uses on
   * the element itself.
   */
  public void write(XMLStreamWriter out, YangInstanceIdentifier path) throws XMLStreamException {
    var rendered = render(path);
    boolean baseIsDefault =
        NetconfNamespaces.BASE.equals(
            out.getNamespaceContext().getNamespaceURI(XMLConstants.DEFAULT_NS_PREFIX));
    out.writeStartElement(XMLConstants.DEFAULT_NS_PREFIX, "error-path", NetconfNamespaces.BASE);
    if (!baseIsDefault) {
      out.writeDefaultNamespace(NetconfNamespaces.BASE);
    }
    for (var ns : rendered.namespaces().entrySet()) {
      out.writeNamespace(ns.getKey(), ns.getValue());
    }
    out.writeCharacters(rendered.xpath());
    out.writeEndElement();
  }

  /** An XPath string literal for a value. */
  static String quote(String value) {
    if (value.indexOf('\'') < 0) {
      return "'" + value + "'";
    }
    if (value.indexOf('"') < 0) {
      return "\"" + value + "\"";
    }
    var parts = new StringBuilder("concat(");
    String[] pieces = value.split("'", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        parts.append(", \"'\", ");
      }
      parts.append('\'').append(pieces[i]).append('\'');
    }
    return parts.append(')').toString();
  }

  private String text(Object value, Prefixes prefixes) {
    if (value instanceof QName identity) {
      return prefixes.qualified(identity);
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Set<?> bits) {
      return bits.stream().map(Object::toString).collect(Collectors.joining(" "));
    }
    if (value instanceof Empty) {
      return "";
    }
    if (value instanceof YangInstanceIdentifier target) {
      var inner = render(target);
      inner.namespaces().forEach(prefixes::declare);
      return inner.xpath();
    }
    return String.valueOf(value);
  }

  /** Module prefixes, made unique when two modules share one. */
  private final class Prefixes {
    final Map<String, String> declared = new LinkedHashMap<>();
    private final Map<QNameModule, String> byModule = new LinkedHashMap<>();

    String qualified(QName name) {
      return prefix(name.getModule()) + ":" + name.getLocalName();
    }

    void declare(String prefix, String namespace) {
      declared.putIfAbsent(prefix, namespace);
    }

    private String prefix(QNameModule module) {
      return byModule.computeIfAbsent(
          module,
          m -> {
            String base = context.findModule(m).map(x -> x.getPrefix()).orElse("ns");
            String namespace = m.getNamespace().toString();
            String prefix = base;
            for (int n = 2;
                declared.containsKey(prefix) && !declared.get(prefix).equals(namespace);
                n++) {
              prefix = base + n;
            }
            declared.put(prefix, namespace);
            return prefix;
          });
    }
  }
}
