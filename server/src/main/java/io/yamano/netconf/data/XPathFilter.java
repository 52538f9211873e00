package io.yamano.netconf.data;

import io.yamano.error.RpcException;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Selection of data by an XPath expression, the {@code :xpath} capability (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-8.9">RFC 6241 §8.9</a>). Implemented by the
 * XPath evaluator; the {@code <get>}/{@code <get-config>} handlers choose between it and {@link
 * SubtreeFilter} by the filter's {@code type}.
 */
public interface XPathFilter {

  /**
   * Selects the nodes of the node-set {@code select} evaluates to, each with its ancestors and all
   * its descendants (RFC 6241 §8.9.1).
   *
   * @param select the value of the {@code select} attribute
   * @param prefixes the namespace declarations in scope at the {@code <filter>} element
   * @param root the datastore root
   * @return a root container holding only the selected data
   * @throws RpcException {@code invalid-value} for an expression that does not parse or does not
   *     evaluate to a node-set, with the {@code select} attribute as {@code bad-attribute}
   */
  ContainerNode select(String select, NamespaceContext prefixes, ContainerNode root)
      throws RpcException;
}
