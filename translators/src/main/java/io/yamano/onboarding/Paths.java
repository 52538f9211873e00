package io.yamano.onboarding;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;

/** Renders instance identifiers the way deviation paths are written. */
public final class Paths {
  private Paths() {}

  /** {@code /nfv/vnfd[id='x']/vdu[id='y']}, without module prefixes. */
  public static String format(YangInstanceIdentifier path) {
    var out = new StringBuilder();
    var arguments = path.getPathArguments();
    for (int i = 0; i < arguments.size(); i++) {
      var argument = arguments.get(i);
      // A list or leaf-list appears twice (the list, then its entry): write it once.
      if (i + 1 < arguments.size()
          && !(argument instanceof NodeIdentifierWithPredicates)
          && !(argument instanceof NodeWithValue<?>)
          && (arguments.get(i + 1) instanceof NodeIdentifierWithPredicates
              || arguments.get(i + 1) instanceof NodeWithValue<?>)
          && arguments.get(i + 1).getNodeType().equals(argument.getNodeType())) {
        continue;
      }
      if (argument instanceof NodeWithValue<?> value) {
        out.append('/')
            .append(value.getNodeType().getLocalName())
            .append("[.='")
            .append(value.getValue())
            .append("']");
        continue;
      }
      out.append('/').append(argument.getNodeType().getLocalName());
      if (argument instanceof NodeIdentifierWithPredicates predicates) {
        for (var key : predicates.entrySet()) {
          out.append('[')
              .append(key.getKey().getLocalName())
              .append("='")
              .append(key.getValue())
              .append("']");
        }
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }
}
