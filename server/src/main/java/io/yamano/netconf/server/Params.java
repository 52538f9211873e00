package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.XmlElement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of one operation element: each child must be one the operation defines (else
 * {@code unknown-element}) and appear at most once (else {@code bad-element}), RFC 6241 §4.3 and
 * Appendix A.
 */
final class Params {
  private final XmlElement operation;

  /** A parameter name: namespace and local name. */
  record Name(String namespace, String localName) {
    static Name base(String localName) {
      return new Name(Namespaces.BASE, localName);
    }
  }

  private Params(XmlElement operation) {
    this.operation = operation;
  }

  /** Checks that {@code operation} only holds the given parameters, each at most once. */
  static Params of(XmlElement operation, Set<Name> allowed) throws RpcException {
    var seen = new java.util.HashSet<Name>();
    for (XmlElement child : operation.children()) {
      var name = new Name(effectiveNamespace(operation, child), child.localName());
      if (!allowed.contains(name)) {
        throw Errors.unknownElement(
            child.localName(),
            "<"
                + operation.localName()
                + "> has no parameter '"
                + child.localName()
                + "'"
                + (child.namespace().isEmpty() ? "" : " in namespace " + child.namespace()));
      }
      if (!seen.add(name)) {
        throw Errors.badElement(
            child.localName(), "parameter '" + child.localName() + "' is given more than once");
      }
    }
    return new Params(operation);
  }

  Optional<XmlElement> optional(Name name) {
    var qualified = operation.child(name.namespace(), name.localName());
    if (qualified.isPresent() || !name.namespace().equals(operation.namespace())) {
      return qualified;
    }
    return operation.child("", name.localName());
  }

  /**
   * A parameter written without any namespace is taken as the operation's own: widely used clients
   * (ncclient's {@code edit_config} with a bare {@code <config>}) send it that way, and no other
   * reading of such an element is possible.
   */
  private static String effectiveNamespace(XmlElement operation, XmlElement child) {
    return child.namespace().isEmpty() ? operation.namespace() : child.namespace();
  }

  XmlElement required(Name name) throws RpcException {
    return optional(name)
        .orElseThrow(
            () ->
                Errors.missingElement(
                    name.localName(),
                    "<"
                        + operation.localName()
                        + "> needs the parameter <"
                        + name.localName()
                        + ">"));
  }

  /**
   * The one child of a choice parameter such as {@code <target><running/></target>}: {@code
   * missing-element} if empty, {@code bad-element} if several.
   */
  static XmlElement single(XmlElement parameter) throws RpcException {
    List<XmlElement> children = parameter.children();
    if (children.isEmpty()) {
      throw Errors.missingElement(
          parameter.localName(),
          "<" + parameter.localName() + "> must name a datastore, a URL or inline configuration");
    }
    if (children.size() > 1) {
      throw Errors.badElement(
          children.get(1).localName(),
          "<" + parameter.localName() + "> must hold exactly one element");
    }
    return children.get(0);
  }
}
