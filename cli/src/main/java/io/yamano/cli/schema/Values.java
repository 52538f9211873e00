package io.yamano.cli.schema;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodec;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodecFactory;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.api.type.BinaryTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BitsTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.DecimalTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.InstanceIdentifierTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LengthRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Leaf values as the CLI reads and prints them: parsing with the yangtools XML codecs (so every
 * YANG type, range, pattern and union is checked exactly as NETCONF checks it), printing with
 * identities as {@code prefix:name} unless they belong to the leaf's own module, and the help a
 * user sees for a type ({@code <uint8 0..100>}, enum and identity values).
 */
public final class Values {
  private final SchemaTree schema;
  private final XmlCodecFactory codecs;
  private final Map<TypedDataSchemaNode, XmlCodec<?>> byNode = new ConcurrentHashMap<>();
  private final Map<QName, java.util.function.UnaryOperator<String>> typedAs =
      new ConcurrentHashMap<>();

  public Values(SchemaTree schema) {
    this.schema = schema;
    this.codecs = XmlCodecFactory.create(schema.context());
  }

  /**
   * Parses typed text into the value a leaf holds.
   *
   * @param schemaPath the node's absolute schema path (choices and cases included), to resolve
   *     leafrefs
   * @throws IllegalArgumentException saying why the text is not a value of the type
   */
  public Object parse(TypedDataSchemaNode node, List<QName> schemaPath, String text) {
    var transform = typedAs.get(node.getQName());
    if (transform != null) {
      text = transform.apply(text);
    }
    var type = node.getType();
    if (type instanceof EmptyTypeDefinition) {
      if (!text.isEmpty()) {
        throw new IllegalArgumentException("takes no value");
      }
      return Empty.value();
    }
    XmlCodec<?> codec =
        byNode.computeIfAbsent(
            node,
            n ->
                codecs.codecFor(
                    n,
                    t ->
                        SchemaInferenceStack.of(schema.context(), Absolute.of(schemaPath))
                            .resolveLeafref(t)));
    Object value;
    try {
      value = codec.parseValue(namespaces(node.getQName().getModule()), text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
    if (value == null) {
      throw new IllegalArgumentException("not a value of the type");
    }
    return value;
  }

  /**
   * Turns what users type for a leaf into what is stored, such as a clear-text password into its
   * hash ("front ends hash what the operator types").
   */
  public void typedAs(QName leaf, java.util.function.UnaryOperator<String> transform) {
    typedAs.put(leaf, transform);
  }

  private static String reason(RuntimeException e) {
    var message = e.getMessage() == null ? e.toString() : e.getMessage();
    // yangtools wraps the useful part in "Value ... does not match ..." or "Invalid range"
    return message.replaceAll("\\s+", " ");
  }

  private NamespaceContext namespaces(QNameModule own) {
    return new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
          return own.namespace().toString();
        }
        return schema
            .moduleByPrefix(prefix)
            .map(m -> m.namespace().toString())
            .orElse(XMLConstants.NULL_NS_URI);
      }

      @Override
      public String getPrefix(String namespaceURI) {
        return null;
      }

      @Override
      public Iterator<String> getPrefixes(String namespaceURI) {
        return List.<String>of().iterator();
      }
    };
  }

  /** The text of a value as the CLI shows it. */
  public String format(Object value, QNameModule own) {
    if (value instanceof QName qname) {
      return qname.getModule().equals(own)
          ? qname.getLocalName()
          : schema.prefix(qname.getModule()) + ":" + qname.getLocalName();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Empty) {
      return "";
    }
    if (value instanceof Set<?> bits) {
      return String.join(" ", bits.stream().map(String::valueOf).sorted().toList());
    }
    return String.valueOf(value);
  }

  /** A value quoted if it would not read back as one word. */
  public static String quote(String text) {
    if (!text.isEmpty() && text.chars().noneMatch(c -> c <= ' ' || "\"'|;{}\\".indexOf(c) >= 0)) {
      return text;
    }
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A word the user may type for a value, with its help. */
  public record Choice(String value, String help) {}

  /** The values a type enumerates (enums, identities, booleans, union members' ones). */
  public List<Choice> enumerated(TypeDefinition<?> type, QNameModule own) {
    var out = new ArrayList<Choice>();
    enumerated(type, own, out);
    return out;
  }

  private void enumerated(TypeDefinition<?> type, QNameModule own, List<Choice> out) {
    if (type instanceof EnumTypeDefinition enums) {
      for (var pair : enums.getValues()) {
        out.add(new Choice(pair.getName(), pair.getDescription().map(Values::oneLine).orElse("")));
      }
    } else if (type instanceof BooleanTypeDefinition) {
      out.add(new Choice("true", ""));
      out.add(new Choice("false", ""));
    } else if (type instanceof IdentityrefTypeDefinition ref) {
      for (var base : ref.getIdentities()) {
        for (var identity : derived(base)) {
          out.add(new Choice(format(identity.getQName(), own), SchemaTree.summary(identity)));
        }
      }
    } else if (type instanceof UnionTypeDefinition union) {
      for (var member : union.getTypes()) {
        enumerated(member, own, out);
      }
    }
  }

  private List<IdentitySchemaNode> derived(IdentitySchemaNode base) {
    var out = new ArrayList<IdentitySchemaNode>();
    for (var identity : schema.context().getDerivedIdentities(base)) {
      out.add(identity);
      out.addAll(derived(identity));
    }
    return out;
  }

  /** A short description of what a type accepts, such as {@code <string, 1..64 chars>}. */
  public String hint(TypeDefinition<?> type) {
    var base = baseName(type);
    var restriction = "";
    if (type instanceof RangeRestrictedTypeDefinition<?, ?> ranged
        && ranged.getRangeConstraint().isPresent()) {
      restriction = " " + ranges(ranged.getRangeConstraint().get().getAllowedRanges().toString());
    } else if (type instanceof LengthRestrictedTypeDefinition<?> lengthed
        && lengthed.getLengthConstraint().isPresent()) {
      restriction =
          ", "
              + ranges(lengthed.getLengthConstraint().get().getAllowedRanges().toString())
              + " chars";
    }
    var name = type.getQName().getLocalName();
    var typedef = name.equals(base) ? "" : name + ": ";
    return "<" + typedef + base + restriction + ">";
  }

  private static String ranges(String guava) {
    // Guava prints ranges as [1..64]; users know 1..64
    return guava.replace("[", "").replace("]", "").replace("‥", "..");
  }

  private static String baseName(TypeDefinition<?> type) {
    var t = type;
    while (t.getBaseType() != null) {
      t = t.getBaseType();
    }
    if (t instanceof StringTypeDefinition) {
      return "string";
    }
    if (t instanceof LeafrefTypeDefinition ref) {
      return "leafref to " + ref.getPathStatement().getOriginalString();
    }
    if (t instanceof DecimalTypeDefinition) {
      return "decimal64";
    }
    if (t instanceof BinaryTypeDefinition) {
      return "base64 binary";
    }
    if (t instanceof BitsTypeDefinition) {
      return "bits";
    }
    if (t instanceof InstanceIdentifierTypeDefinition) {
      return "instance-identifier";
    }
    if (t instanceof UnionTypeDefinition) {
      return "union";
    }
    return t.getQName().getLocalName();
  }

  static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
