package io.yamano.onboarding.mapping;

import io.yamano.onboarding.source.ScalarKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.DecimalTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/**
 * Fits scalar text to YANG built-in types (RFC 7950 §9) the way a careful operator would: exact
 * values pass, near misses (case, quoting, {@code 2.0} for an integer) are changed and reported,
 * the rest is invalid. Length and pattern restrictions are left to the datastore, which reports
 * them with the path.
 */
final class Values {
  /**
   * Identities renamed between SOL006 versions: v2.x storage types became block/object/file in
   * v3.3.1, the distinction root/ephemeral/swap moving to how a VDU uses the storage.
   */
  static final Map<String, String> RENAMED_IDENTITIES =
      Map.of("root-storage", "block", "ephemeral-storage", "block", "swap-storage", "block");

  private final EffectiveModelContext context;

  Values(EffectiveModelContext context) {
    this.context = context;
  }

  /**
   * @param typed whether the input syntax has scalar types (JSON/YAML) that must match YANG's
   */
  Coercion fit(TypeDefinition<?> type, String text, ScalarKind kind, boolean typedSyntax) {
    // Untyped text (XML, or a value onboarding made itself) fits any type that parses it.
    boolean typed = typedSyntax && kind != ScalarKind.UNTYPED;
    if (type instanceof UnionTypeDefinition union) {
      for (var member : union.getTypes()) {
        if (fit(member, text, kind, typed) instanceof Coercion.Fits fits) {
          return fits;
        }
      }
      for (var member : union.getTypes()) {
        var result = fit(member, text, kind, typed);
        if (!(result instanceof Coercion.Invalid)) {
          return result;
        }
      }
      return new Coercion.Invalid("\"" + text + "\" matches no member of the union type");
    }
    if (kind == ScalarKind.NULL && !(type instanceof EmptyTypeDefinition)) {
      return new Coercion.Invalid("no value given");
    }
    if (type instanceof BooleanTypeDefinition) {
      return bool(text, kind, typed);
    }
    if (type instanceof DecimalTypeDefinition decimal) {
      return decimal(decimal, text, kind, typed);
    }
    if (type instanceof RangeRestrictedTypeDefinition<?, ?> ranged && isInteger(type)) {
      return integer(ranged, text, kind, typed);
    }
    if (type instanceof EnumTypeDefinition enumeration) {
      var names = enumeration.getValues().stream().map(p -> p.getName()).toList();
      return named(names, text, "enumeration", "");
    }
    if (type instanceof IdentityrefTypeDefinition identityref) {
      return identity(identityref, text);
    }
    if (type instanceof EmptyTypeDefinition) {
      if (kind == ScalarKind.NULL || text.isEmpty()) {
        return new Coercion.Fits("", "");
      }
      if (text.equals("[null]")) {
        return new Coercion.Fits("", "");
      }
      return new Coercion.Invalid("an empty leaf takes no value, got \"" + text + "\"");
    }
    if (type instanceof StringTypeDefinition && typed && kind != ScalarKind.STRING) {
      return new Coercion.Changed(
          text,
          "",
          "a "
              + kind.name().toLowerCase(Locale.ROOT)
              + " where YANG type string is expected; kept the text as written");
    }
    return new Coercion.Fits(text, "");
  }

  private static Coercion bool(String text, ScalarKind kind, boolean typed) {
    if (text.equals("true") || text.equals("false")) {
      if (typed && kind != ScalarKind.BOOLEAN) {
        return new Coercion.Changed(text, "", "a quoted string where a boolean is expected");
      }
      return new Coercion.Fits(text, "");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (List.of("true", "yes", "on", "1").contains(lower)) {
      return new Coercion.Changed(
          "true", "", "\"" + text + "\" is not a YANG boolean; read as true");
    }
    if (List.of("false", "no", "off", "0").contains(lower)) {
      return new Coercion.Changed(
          "false", "", "\"" + text + "\" is not a YANG boolean; read as false");
    }
    return new Coercion.Invalid("\"" + text + "\" is not a boolean");
  }

  private static boolean isInteger(TypeDefinition<?> type) {
    return type instanceof Int8TypeDefinition
        || type instanceof Int16TypeDefinition
        || type instanceof Int32TypeDefinition
        || type instanceof Int64TypeDefinition
        || type instanceof Uint8TypeDefinition
        || type instanceof Uint16TypeDefinition
        || type instanceof Uint32TypeDefinition
        || type instanceof Uint64TypeDefinition;
  }

  private static Coercion integer(
      RangeRestrictedTypeDefinition<?, ?> type, String text, ScalarKind kind, boolean typed) {
    BigDecimal number;
    try {
      number = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return new Coercion.Invalid("\"" + text + "\" is not an integer");
    }
    String reason = null;
    BigInteger value;
    try {
      value = number.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return new Coercion.Invalid("\"" + text + "\" is not an integer");
    }
    String canonical = value.toString();
    if (!canonical.equals(text)) {
      reason = "\"" + text + "\" written as the integer " + canonical;
    } else if (typed
        && kind == ScalarKind.STRING
        && !(type instanceof Int64TypeDefinition || type instanceof Uint64TypeDefinition)) {
      reason = "a quoted string where a number is expected";
    }
    var outOfRange = rangeProblem(type, new BigDecimal(value));
    if (outOfRange != null) {
      return new Coercion.Invalid(outOfRange);
    }
    return reason == null
        ? new Coercion.Fits(canonical, "")
        : new Coercion.Changed(canonical, "", reason);
  }

  private static Coercion decimal(
      DecimalTypeDefinition type, String text, ScalarKind kind, boolean typed) {
    BigDecimal number;
    try {
      number = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return new Coercion.Invalid("\"" + text + "\" is not a decimal number");
    }
    int digits = type.getFractionDigits();
    if (number.stripTrailingZeros().scale() > digits) {
      // Rounding up keeps a requirement (memory, bandwidth) satisfied.
      var rounded = number.setScale(digits, java.math.RoundingMode.CEILING);
      if (rangeProblem(type, rounded) != null) {
        return new Coercion.Invalid(rangeProblem(type, rounded));
      }
      return new Coercion.Changed(
          rounded.toPlainString(),
          "",
          "\"" + text + "\" has more than the type's " + digits + " fraction digit(s); rounded up");
    }
    var outOfRange = rangeProblem(type, number);
    if (outOfRange != null) {
      return new Coercion.Invalid(outOfRange);
    }
    // RFC 7951 §6.1 writes decimal64 as a string, YAML as a number: both are fine.
    return new Coercion.Fits(text.strip(), "");
  }

  private static String rangeProblem(RangeRestrictedTypeDefinition<?, ?> type, BigDecimal value) {
    var builtIn = builtInRange(type);
    if (builtIn != null && (value.compareTo(builtIn[0]) < 0 || value.compareTo(builtIn[1]) > 0)) {
      return value + " is outside the type's range " + builtIn[0] + ".." + builtIn[1];
    }
    var constraint = type.getRangeConstraint();
    if (constraint.isEmpty()) {
      return null;
    }
    var ranges = new ArrayList<String>();
    for (var range : constraint.get().getAllowedRanges().asRanges()) {
      var low = new BigDecimal(range.lowerEndpoint().toString());
      var high = new BigDecimal(range.upperEndpoint().toString());
      if (value.compareTo(low) >= 0 && value.compareTo(high) <= 0) {
        return null;
      }
      ranges.add(low + ".." + high);
    }
    return value + " is outside the allowed range " + String.join(" | ", ranges);
  }

  private static BigDecimal[] builtInRange(TypeDefinition<?> type) {
    if (type instanceof Int8TypeDefinition) {
      return range(-128, 127);
    } else if (type instanceof Int16TypeDefinition) {
      return range(-32768, 32767);
    } else if (type instanceof Int32TypeDefinition) {
      return range(Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (type instanceof Int64TypeDefinition) {
      return range(Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (type instanceof Uint8TypeDefinition) {
      return range(0, 255);
    } else if (type instanceof Uint16TypeDefinition) {
      return range(0, 65535);
    } else if (type instanceof Uint32TypeDefinition) {
      return range(0, 4294967295L);
    } else if (type instanceof Uint64TypeDefinition) {
      return new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("18446744073709551615")};
    }
    return null;
  }

  private static BigDecimal[] range(long low, long high) {
    return new BigDecimal[] {BigDecimal.valueOf(low), BigDecimal.valueOf(high)};
  }

  private Coercion identity(IdentityrefTypeDefinition type, String text) {
    var candidates = new ArrayList<IdentitySchemaNode>();
    for (var base : type.getIdentities()) {
      collect(base, candidates);
    }
    String local = text.strip();
    int colon = local.lastIndexOf(':');
    if (colon >= 0) {
      local = local.substring(colon + 1);
    }
    for (var identity : candidates) {
      if (identity.getQName().getLocalName().equals(local)) {
        return new Coercion.Fits(local, identity.getQName().getNamespace().toString());
      }
    }
    var renamed = RENAMED_IDENTITIES.get(local);
    var names = candidates.stream().map(i -> i.getQName().getLocalName()).toList();
    if (renamed != null && names.contains(renamed)) {
      var identity = candidates.get(names.indexOf(renamed));
      return new Coercion.Mapped(
          renamed,
          identity.getQName().getNamespace().toString(),
          "identity " + local + " of SOL006 v2.x is " + renamed + " since v3.3.1");
    }
    var result = named(names, local, "identity", "");
    if (result instanceof Coercion.Changed changed) {
      var identity = candidates.get(names.indexOf(changed.lexical()));
      return new Coercion.Changed(
          changed.lexical(), identity.getQName().getNamespace().toString(), changed.reason());
    }
    return result;
  }

  private void collect(IdentitySchemaNode base, List<IdentitySchemaNode> out) {
    for (var derived : context.getDerivedIdentities(base)) {
      if (!out.contains(derived)) {
        out.add(derived);
        collect(derived, out);
      }
    }
  }

  /** Exact, else the one name equal but for case, '-' and '_'. */
  private static Coercion named(List<String> names, String text, String what, String namespace) {
    if (names.contains(text)) {
      return new Coercion.Fits(text, namespace);
    }
    String wanted = normalise(text);
    var matches = names.stream().filter(n -> normalise(n).equals(wanted)).toList();
    if (matches.size() == 1) {
      return new Coercion.Changed(
          matches.get(0),
          namespace,
          "\""
              + text
              + "\" is not a valid "
              + what
              + "; the "
              + what
              + " "
              + matches.get(0)
              + " differs only in case or separators");
    }
    return new Coercion.Invalid(
        "\"" + text + "\" is not a valid " + what + " (allowed: " + String.join(", ", names) + ")");
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
