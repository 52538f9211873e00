package io.yamano.netconf.server;

import io.yamano.datastore.xpath.XPathEvaluationException;
import io.yamano.datastore.xpath.XPathEvaluator;
import io.yamano.datastore.xpath.XPathResult;
import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.XPathFilter;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.common.YangNamespaceContext;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathMathMode;
import org.opendaylight.yangtools.yang.xpath.impl.AntlrXPathParserFactory;

/**
 * The {@code :xpath} filter (RFC 6241 §8.9) on Yamano's XPath evaluator. Prefixes are those in
 * scope at {@code <filter>}; unprefixed names match by local name. Each selected node is returned
 * with its ancestors (list entries with their keys) and all its descendants (§8.9.1).
 */
final class YangXPathFilter implements XPathFilter {
  private static final AntlrXPathParserFactory PARSERS = new AntlrXPathParserFactory();

  private final EffectiveModelContext schema;
  private final XPathEvaluator evaluator;

  YangXPathFilter(EffectiveModelContext schema) {
    this.schema = schema;
    this.evaluator = new XPathEvaluator(schema);
  }

  @Override
  public ContainerNode select(String select, NamespaceContext prefixes, ContainerNode root)
      throws RpcException {
    return select(select, new Prefixes(prefixes), root);
  }

  /**
   * Selects with the prefix bindings given as a map.
   *
   * @param prefixes prefix to namespace URI, as declared where the expression was written
   */
  ContainerNode select(String select, Map<String, String> prefixes, ContainerNode root)
      throws RpcException {
    return select(
        select,
        new Prefixes(
            new NamespaceContext() {
              @Override
              public String getNamespaceURI(String prefix) {
                return prefixes.get(prefix);
              }

              @Override
              public String getPrefix(String namespaceUri) {
                return prefixes.entrySet().stream()
                    .filter(e -> e.getValue().equals(namespaceUri) && !e.getKey().isEmpty())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
              }

              @Override
              public java.util.Iterator<String> getPrefixes(String namespaceUri) {
                var p = getPrefix(namespaceUri);
                return (p == null ? java.util.List.<String>of() : java.util.List.of(p)).iterator();
              }
            }),
        root);
  }

  private ContainerNode select(String select, Prefixes prefixes, ContainerNode root)
      throws RpcException {
    XPathResult result;
    try {
      var expr = PARSERS.newParser(YangXPathMathMode.IEEE754, prefixes).parseExpression(select);
      result = evaluator.evaluate(expr, evaluator.root(root), null);
    } catch (javax.xml.xpath.XPathExpressionException
        | XPathEvaluationException
        | IllegalArgumentException e) {
      throw invalid("the XPath expression '" + select + "' cannot be evaluated: " + e.getMessage());
    }
    if (!(result instanceof XPathResult.NodeSet nodes)) {
      throw invalid(
          "the XPath expression '"
              + select
              + "' must select nodes, not compute a value (RFC 6241 §8.9)");
    }
    var selection = new Selection(root);
    for (var cursor : nodes.nodes()) {
      selection.add(cursor.path());
    }
    return selection.result();
  }

  /** Prefixes of the filter element bound to the modules of their namespaces. */
  private final class Prefixes implements YangNamespaceContext {
    private static final long serialVersionUID = 1L;
    private final transient NamespaceContext xml;

    Prefixes(NamespaceContext xml) {
      this.xml = xml;
    }

    @Override
    public QNameModule namespaceForPrefix(String prefix) {
      String ns = xml.getNamespaceURI(prefix);
      if (ns == null || ns.isEmpty()) {
        return null;
      }
      return schema.findModules(XMLNamespace.of(ns)).stream()
          .findFirst()
          .map(m -> m.getQNameModule())
          .orElse(null);
    }

    @Override
    public String prefixForNamespace(QNameModule namespace) {
      return xml.getPrefix(namespace.namespace().toString());
    }
  }

  private static RpcException invalid(String message) {
    return new RpcException(
        new RpcError(
            ErrorType.PROTOCOL,
            ErrorTag.INVALID_VALUE,
            Optional.empty(),
            Optional.empty(),
            message,
            Map.of("bad-attribute", "select", "bad-element", "filter")));
  }
}
