package io.yamano.netconf.server;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.WithDefaultsMode;
import io.yamano.netconf.message.ReplyBody;
import io.yamano.netconf.message.XmlElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The retrieval parameters shared by {@code <get>}, {@code <get-config>} and {@code <get-data>}:
 * the filter (subtree, RFC 6241 §6, or XPath, §8.9) and the with-defaults mode (RFC 6243 §3), and
 * the {@code <data>} reply that streams the selected tree.
 */
final class DataQuery {
  static final Params.Name WITH_DEFAULTS =
      new Params.Name(Namespaces.WITH_DEFAULTS, "with-defaults");

  /** What a filter selects. */
  sealed interface Filter {
    /** No filter: everything. */
    record All() implements Filter {}

    /** A subtree filter: the DOM of the element holding the filter's content. */
    record Subtree(Element filter) implements Filter {}

    /** An XPath filter and the prefixes in scope where it was written. */
    record XPath(String select, Map<String, String> prefixes) implements Filter {}
  }

  private DataQuery() {}

  /** Reads the {@code <filter>} parameter of get and get-config (RFC 6241 §7.1, §7.7). */
  static Filter filter(Request request, Optional<XmlElement> filter) throws RpcException {
    if (filter.isEmpty()) {
      return new Filter.All();
    }
    var f = filter.get();
    String type = f.attribute(XMLConstants.NULL_NS_URI, "type").orElse("subtree");
    if (type.equals("subtree")) {
      return new Filter.Subtree(request.dom(f));
    }
    if (type.equals("xpath")) {
      var select = f.attribute(XMLConstants.NULL_NS_URI, "select");
      if (select.isEmpty()) {
        throw new RpcException(
            attributeError(
                ErrorTag.MISSING_ATTRIBUTE,
                "an XPath filter needs the select attribute (RFC 6241 §8.9.1)",
                "select"));
      }
      return new Filter.XPath(select.get(), inScope(request.dom(f)));
    }
    throw new RpcException(
        attributeError(
            ErrorTag.BAD_ATTRIBUTE,
            "filter type '" + type + "' is not supported; use subtree or xpath",
            "type"));
  }

  private static RpcError attributeError(ErrorTag tag, String message, String attribute) {
    return new RpcError(
        ErrorType.PROTOCOL,
        tag,
        Optional.empty(),
        Optional.empty(),
        message,
        Map.of("bad-attribute", attribute, "bad-element", "filter"));
  }

  /** The namespace declarations in scope at a DOM element, inner ones first. */
  static Map<String, String> inScope(Element element) {
    var scope = new LinkedHashMap<String, String>();
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      var attrs = e.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        var a = attrs.item(i);
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
          String prefix = a.getPrefix() == null ? "" : a.getLocalName();
          scope.putIfAbsent(prefix, a.getNodeValue());
        }
      }
    }
    return scope;
  }

  /**
   * Removes what the session's user may not read (RFC 8341 §3.4.5), then applies a filter: pruning
   * first, so that a filter cannot test the content of nodes the user may not see.
   */
  static ContainerNode apply(Request request, Filter filter, ContainerNode root)
      throws RpcException {
    return apply(request.context(), filter, request.datastore().access().prune(root));
  }

  /** Applies a filter to a root container. */
  static ContainerNode apply(ServerContext context, Filter filter, ContainerNode root)
      throws RpcException {
    if (filter instanceof Filter.Subtree subtree) {
      return context.subtreeFilter().select(subtree.filter(), root);
    }
    if (filter instanceof Filter.XPath xpath) {
      return context.xpathFilter().select(xpath.select(), xpath.prefixes(), root);
    }
    return root;
  }

  /** Reads {@code <with-defaults>} (RFC 6243 §4.5.1); explicit, the basic mode, when absent. */
  static WithDefaultsMode withDefaults(Params params) throws RpcException {
    var element = params.optional(WITH_DEFAULTS);
    if (element.isEmpty()) {
      return WithDefaultsMode.EXPLICIT;
    }
    String value = element.get().trimmedText();
    return WithDefaultsMode.of(value)
        .orElseThrow(
            () ->
                Errors.invalidValue(
                    "with-defaults",
                    "'"
                        + value
                        + "' is not a with-defaults mode; use report-all, report-all-tagged, trim"
                        + " or explicit (RFC 6243 §3)"));
  }

  /**
   * {@code <data>} holding the tree, for the session's user: when the mode reports defaults and
   * access control restricts the user, the defaults are added as data and pruned like stored
   * values, so that no default of a node the user may not read is reported (RFC 8341 §3.4.5).
   */
  static ReplyBody dataReply(Request request, ContainerNode data, WithDefaultsMode mode) {
    var context = request.context();
    if (!reportsDefaults(mode) || request.datastore().access().readsEverything()) {
      return dataReply(context, data, mode);
    }
    var visible = withVisibleDefaults(request, data);
    return w -> {
      w.writeStartElement("", "data", Namespaces.BASE);
      w.writeDefaultNamespace(Namespaces.BASE);
      context.dataWriter().writeChildren(w, visible, mode, false);
      w.writeEndElement();
    };
  }

  static boolean reportsDefaults(WithDefaultsMode mode) {
    return mode == WithDefaultsMode.REPORT_ALL || mode == WithDefaultsMode.REPORT_ALL_TAGGED;
  }

  /** The data with report-all defaults added and then pruned for the session's user. */
  static ContainerNode withVisibleDefaults(Request request, ContainerNode data) {
    return request.datastore().access().prune(request.context().dataWriter().withDefaults(data));
  }

  /** {@code <data>} in the NETCONF base namespace holding the tree (RFC 6241 §7.1). */
  static ReplyBody dataReply(ServerContext context, ContainerNode data, WithDefaultsMode mode) {
    if (mode == WithDefaultsMode.EXPLICIT) {
      // The common case, and the one that carries whole datastores: written without per-node
      // schema lookups (about nine times faster on large lists).
      return (io.yamano.netconf.message.RawReplyBody)
          out -> {
            out.write("<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">");
            context.dataWriter().writeChildren(out, data);
            out.write("</data>");
          };
    }
    return w -> context.dataWriter().writeData(w, data, mode);
  }
}
