package io.yamano.netconf.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodec;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodecFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/** Turns the text of a leaf or leaf-list element into its value with the yangtools XML codecs. */
final class LeafValues {
  private final EffectiveModelContext context;
  private final XmlCodecFactory codecs;
  private final Map<TypedDataSchemaNode, XmlCodec<?>> byNode = new ConcurrentHashMap<>();

  LeafValues(EffectiveModelContext context) {
    this.context = context;
    this.codecs = XmlCodecFactory.create(context);
  }

  /**
   * Parses a value.
   *
   * @param schemaPath the absolute schema-tree path of the node (choices and cases included), used
   *     to resolve leafrefs
   * @throws IllegalArgumentException when the text is not a value of the type, with the reason
   */
  Object parse(
      TypedDataSchemaNode node, List<QName> schemaPath, String text, NamespaceContext prefixes) {
    XmlCodec<?> codec =
        byNode.computeIfAbsent(
            node,
            n ->
                codecs.codecFor(
                    n,
                    type ->
                        SchemaInferenceStack.of(context, Absolute.of(schemaPath))
                            .resolveLeafref(type)));
    Object value = codec.parseValue(prefixes, text);
    if (value == null) {
      throw new IllegalArgumentException("not a value of the type");
    }
    return value;
  }
}
