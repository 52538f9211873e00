package io.yamano.netconf.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;

/**
 * Parses the YANG {@code key} attribute, {@code [p:name='x'][p:other="y"]}, naming a list entry
 * (RFC 7950 §7.8.6).
 */
final class KeyPredicates {
  private KeyPredicates() {}

  /**
   * @param listSchemaPath the absolute schema-tree path of the list
   * @param scope the element whose namespace declarations resolve the prefixes
   * @throws IllegalArgumentException with what is wrong
   */
  static NodeIdentifierWithPredicates parse(
      String text,
      ListSchemaNode list,
      List<QName> listSchemaPath,
      Element scope,
      LeafValues values) {
    Map<QName, Object> keys = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (true) {
      i = skipSpace(text, i);
      if (i >= n) {
        break;
      }
      if (text.charAt(i) != '[') {
        throw new IllegalArgumentException("expected '[' at offset " + i + " of '" + text + "'");
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        throw new IllegalArgumentException("missing '=' in '" + text + "'");
      }
      String name = text.substring(i + 1, eq).trim();
      int q = skipSpace(text, eq + 1);
      if (q >= n || (text.charAt(q) != '\'' && text.charAt(q) != '"')) {
        throw new IllegalArgumentException("the value of '" + name + "' must be quoted");
      }
      int end = text.indexOf(text.charAt(q), q + 1);
      if (end < 0) {
        throw new IllegalArgumentException("unterminated quote in '" + text + "'");
      }
      String value = text.substring(q + 1, end);
      int close = skipSpace(text, end + 1);
      if (close >= n || text.charAt(close) != ']') {
        throw new IllegalArgumentException("expected ']' after the value of '" + name + "'");
      }
      i = close + 1;
      QName key = keyNamed(list, name, scope);
      var leaf = (LeafSchemaNode) list.dataChildByName(key);
      var path = new ArrayList<>(listSchemaPath);
      path.add(key);
      keys.put(key, values.parse(leaf, path, value, new DomNamespaceContext(scope)));
    }
    if (!keys.keySet().containsAll(list.getKeyDefinition())
        || keys.size() != list.getKeyDefinition().size()) {
      throw new IllegalArgumentException(
          "'" + text + "' must give each key of '" + list.getQName().getLocalName() + "' once");
    }
    return NodeIdentifierWithPredicates.of(list.getQName(), keys);
  }

  private static QName keyNamed(ListSchemaNode list, String name, Element scope) {
    int colon = name.indexOf(':');
    String local = colon < 0 ? name : name.substring(colon + 1);
    String ns =
        colon < 0
            ? list.getQName().getNamespace().toString()
            : scope.lookupNamespaceURI(name.substring(0, colon));
    if (ns == null) {
      throw new IllegalArgumentException("prefix of '" + name + "' is not declared");
    }
    for (QName key : list.getKeyDefinition()) {
      if (key.getLocalName().equals(local) && key.getNamespace().toString().equals(ns)) {
        return key;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a key of '" + list.getQName().getLocalName() + "'");
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
