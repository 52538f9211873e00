package io.yamano.datastore.xpath;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BitsTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/** XPath value conversions and the canonical YANG string form of data values. */
final class Values {
  private static final Pattern XPATH_NUMBER = Pattern.compile("\\s*-?(\\d+(\\.\\d*)?|\\.\\d+)\\s*");

  private Values() {}

  /** The canonical YANG string of a leaf value (RFC 7950 §9, "canonical form" of each type). */
  static String canonical(
      final Object value, final TypeDefinition<?> type, final SchemaSupport support) {
    if (value instanceof String str) {
      return str;
    }
    if (value instanceof Boolean bool) {
      return bool ? "true" : "false";
    }
    if (value instanceof QName qname) {
      final String prefix = support.prefixOf(qname.getModule());
      return prefix.isEmpty() ? qname.getLocalName() : prefix + ':' + qname.getLocalName();
    }
    if (value instanceof Empty) {
      return "";
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Set<?> bits) {
      return String.join(" ", orderBits(bits, type));
    }
    if (value instanceof YangInstanceIdentifier iid) {
      return instanceIdentifier(iid, support);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }

  private static List<String> orderBits(final Set<?> bits, final TypeDefinition<?> type) {
    final BitsTypeDefinition bitsType = findBits(type);
    final List<String> out = new ArrayList<>();
    if (bitsType != null) {
      bitsType.getBits().stream()
          .sorted((a, b) -> a.getPosition().compareTo(b.getPosition()))
          .map(BitsTypeDefinition.Bit::getName)
          .filter(bits::contains)
          .forEach(out::add);
    }
    if (out.size() != bits.size()) {
      out.clear();
      bits.forEach(b -> out.add(String.valueOf(b)));
    }
    return out;
  }

  private static BitsTypeDefinition findBits(final TypeDefinition<?> type) {
    if (type instanceof BitsTypeDefinition bits) {
      return bits;
    }
    if (type instanceof UnionTypeDefinition union) {
      for (TypeDefinition<?> member : union.getTypes()) {
        final BitsTypeDefinition found = findBits(member);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String instanceIdentifier(
      final YangInstanceIdentifier iid, final SchemaSupport support) {
    final StringBuilder sb = new StringBuilder();
    final List<PathArgument> args = iid.getPathArguments();
    for (int i = 0; i < args.size(); i++) {
      final PathArgument arg = args.get(i);
      if (arg instanceof NodeIdentifier
          && i + 1 < args.size()
          && !(args.get(i + 1) instanceof NodeIdentifier)
          && args.get(i + 1).getNodeType().equals(arg.getNodeType())) {
        continue;
      }
      sb.append('/').append(name(arg.getNodeType(), support));
      if (arg instanceof NodeIdentifierWithPredicates keyed) {
        keyed
            .entrySet()
            .forEach(
                e ->
                    sb.append('[')
                        .append(name(e.getKey(), support))
                        .append("='")
                        .append(canonical(e.getValue(), null, support))
                        .append("']"));
      } else if (arg instanceof NodeWithValue<?> value) {
        sb.append("[.='").append(canonical(value.getValue(), null, support)).append("']");
      }
    }
    return sb.toString();
  }

  static String name(final QName qname, final SchemaSupport support) {
    final String prefix = support.prefixOf(qname.getModule());
    return prefix.isEmpty() ? qname.getLocalName() : prefix + ':' + qname.getLocalName();
  }

  /** XPath 1.0 §4.4 {@code number()} of a string: NaN unless it is a plain decimal number. */
  static double toNumber(final String str) {
    if (!XPATH_NUMBER.matcher(str).matches()) {
      return Double.NaN;
    }
    return Double.parseDouble(str.strip());
  }

  /** XPath 1.0 §4.2 {@code string()} of a number. */
  static String toString(final double number) {
    if (Double.isNaN(number)) {
      return "NaN";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "Infinity" : "-Infinity";
    }
    if (number == 0) {
      return "0";
    }
    if (number == Math.rint(number) && Math.abs(number) < 1e15) {
      return Long.toString((long) number);
    }
    return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
  }
}
