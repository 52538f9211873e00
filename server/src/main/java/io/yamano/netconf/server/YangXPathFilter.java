package io.yamano.netconf.server;

import com.google.common.collect.ImmutableBiMap;
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
import org.opendaylight.yangtools.yang.common.BiMapYangNamespaceContext;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
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
    throw new UnsupportedOperationException("use select(String, Map, ContainerNode)");
  }

  /**
   * Selects with the prefix bindings given as a map.
   *
   * @param prefixes prefix to namespace URI, as declared where the expression was written
   */
  ContainerNode select(String select, Map<String, String> prefixes, ContainerNode root)
      throws RpcException {
    var modules = ImmutableBiMap.<String, QNameModule>builder();
    var seen = new java.util.HashSet<QNameModule>();
    for (var e : prefixes.entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      Optional<QNameModule> module =
          schema.findModules(XMLNamespace.of(e.getValue())).stream()
              .findFirst()
              .map(m -> m.getQNameModule());
      if (module.isPresent() && seen.add(module.get())) {
        modules.put(e.getKey(), module.get());
      }
    }
    XPathResult result;
    try {
      var expr =
          PARSERS
              .newParser(YangXPathMathMode.IEEE754, new BiMapYangNamespaceContext(modules.build()))
              .parseExpression(select);
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
