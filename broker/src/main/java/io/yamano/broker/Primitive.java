package io.yamano.broker;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A day-2 operation a VNF offers ({@code execute-primitive}): declared parameters, then actions.
 *
 * @param parameters declared parameters; only these may be passed
 * @param allowedIn states the primitive may run in; empty for any
 */
public record Primitive(
    String name,
    List<Parameter> parameters,
    List<Action> actions,
    java.util.Set<String> allowedIn) {
  public Primitive {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    actions = List.copyOf(actions);
    allowedIn = java.util.Set.copyOf(allowedIn);
  }

  /**
   * A parameter of a primitive.
   *
   * @param defaultValue used when the caller gives none; {@code null} for none
   */
  public record Parameter(String name, boolean mandatory, String defaultValue) {
    public Parameter {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The values the primitive runs with: the caller's, then defaults.
   *
   * @throws BrokerException {@code BAD_METADATA} for an undeclared or missing mandatory parameter
   */
  public Map<String, String> bind(Map<String, String> given) throws BrokerException {
    var known = new java.util.LinkedHashMap<String, Parameter>();
    parameters.forEach(p -> known.put(p.name(), p));
    for (String name : given.keySet()) {
      if (!known.containsKey(name)) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA,
            "primitive '"
                + this.name
                + "' has no parameter '"
                + name
                + "' (it has "
                + known.keySet()
                + ")");
      }
    }
    var out = new java.util.LinkedHashMap<String, String>();
    for (Parameter p : parameters) {
      String value = given.getOrDefault(p.name(), p.defaultValue());
      if (value == null && p.mandatory()) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA,
            "primitive '" + this.name + "' needs parameter '" + p.name() + "'");
      }
      if (value != null) {
        out.put(p.name(), value);
      }
    }
    return out;
  }
}
