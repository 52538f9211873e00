package io.yamano.restconf;

import io.yamano.error.ErrorTag;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * The {@code api-path} of a RESTCONF URI (<a
 * href="https://www.rfc-editor.org/rfc/rfc8040#section-3.5.3">RFC 8040 §3.5.3</a>) resolved against
 * the schema: {@code /module:node/child/list=key1,key2/...}, module names where the namespace
 * changes, key values percent-encoded and comma-separated; the last step may name an action (§3.6).
 */
final class ApiPath {
  private final EffectiveModelContext schema;
  private final DataSchemaContextTree tree;
  private final JSONCodecFactory codecs;

  ApiPath(EffectiveModelContext schema, JSONCodecFactory codecs) {
    this.schema = schema;
    this.tree = DataSchemaContextTree.from(schema);
    this.codecs = codecs;
  }

  /**
   * A resolved resource.
   *
   * @param path the data node (the empty path for the datastore itself)
   * @param node its schema context (the root's for the datastore)
   * @param stack the schema inference stack at the node (empty for the datastore)
   * @param action the action named by the last step, if any; {@code path} is then its target
   */
  record Target(
      YangInstanceIdentifier path,
      DataSchemaContext node,
      SchemaInferenceStack stack,
      Optional<ActionDefinition> action) {

    boolean isRoot() {
      return path.isEmpty();
    }

    /** The schema node of the target ({@code null} for the datastore). */
    DataSchemaNode schemaNode() {
      return isRoot() ? null : node.dataSchemaNode();
    }

    /** Whether the path ends at a whole list or leaf-list (no key or value given). */
    boolean isCollection() {
      return !isRoot() && node instanceof DataSchemaContext.PathMixin && !isChoice();
    }

    private boolean isChoice() {
      return node.dataSchemaNode() instanceof ChoiceSchemaNode;
    }

    /**
     * The inference a codec needs to read or write the target node itself: its nearest data-tree
     * ancestor (choices and cases are transparent in both encodings).
     */
    SchemaInferenceStack parentStack() {
      var parent = stack.copy();
      if (parent.isEmpty()) {
        return parent;
      }
      parent.exit();
      while (!parent.isEmpty()
          && !(parent.currentStatement()
              instanceof
              org.opendaylight.yangtools.yang.model.api.stmt.DataTreeEffectiveStatement)) {
        parent.exit();
      }
      return parent;
    }
  }

  /** The raw steps of a path such as {@code /module:a/b=1}; a leading slash is optional. */
  static List<String> split(String rawPath) {
    String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    return p.isEmpty() ? List.of() : List.of(p.split("/", -1));
  }

  /** The schema context of a data path (the root's for the empty path). */
  DataSchemaContext contextOf(YangInstanceIdentifier path) {
    return path.isEmpty() ? tree.getRoot() : tree.findChild(path).orElseThrow();
  }

  /** The schema node of a data path, or {@code null}. */
  DataSchemaNode schemaOf(YangInstanceIdentifier path) {
    return tree.findChild(path).map(DataSchemaContext::dataSchemaNode).orElse(null);
  }

  /** Resolves {@code segments} (the raw, still percent-encoded path steps after the datastore). */
  Target resolve(List<String> segments) throws RestconfException {
    var stack = SchemaInferenceStack.of(schema);
    DataSchemaContext current = tree.getRoot();
    var args = new ArrayList<PathArgument>();
    QNameModule module = null;
    for (int i = 0; i < segments.size(); i++) {
      String raw = segments.get(i);
      if (raw.isEmpty()) {
        if (i == segments.size() - 1) {
          break; // a trailing slash
        }
        throw RestconfException.badRequest(
            ErrorTag.INVALID_VALUE, "empty step in the resource path");
      }
      int eq = raw.indexOf('=');
      String identifier = decode(eq < 0 ? raw : raw.substring(0, eq));
      List<String> values = eq < 0 ? null : keyValues(raw.substring(eq + 1));
      QName qname = qname(identifier, module, i == 0);
      module = qname.getModule();
      var soFar = YangInstanceIdentifier.of(args);
      if (!(current instanceof DataSchemaContext.Composite composite)) {
        throw RestconfException.notFound(
            soFar, "'" + identifier + "' cannot be a child of a leaf or leaf-list entry");
      }
      var child = composite.childByQName(qname);
      if (child == null) {
        var action = action(current, qname);
        if (action.isPresent() && i == segments.size() - 1 && values == null) {
          stack.enterSchemaTree(qname);
          return new Target(soFar, current, stack, action);
        }
        throw RestconfException.notFound(
            soFar,
            "no data node or action '"
                + identifier
                + "' "
                + (args.isEmpty() ? "at the top level" : "under " + describe(current)));
      }
      child = composite.enterChild(stack, qname);
      args.add(child.pathStep());
      while (child.dataSchemaNode() instanceof ChoiceSchemaNode
          && child instanceof DataSchemaContext.Composite choice) {
        child = choice.enterChild(stack, qname);
        args.add(child.pathStep());
      }
      var node = child.dataSchemaNode();
      if (node instanceof ListSchemaNode list && child instanceof DataSchemaContext.PathMixin map) {
        if (values != null) {
          var keys = list.getKeyDefinition();
          if (keys.isEmpty()) {
            throw RestconfException.badRequest(
                ErrorTag.INVALID_VALUE,
                "list '" + identifier + "' has no keys: its entries cannot be addressed");
          }
          if (keys.size() != values.size()) {
            throw RestconfException.badRequest(
                ErrorTag.INVALID_VALUE,
                "list '"
                    + identifier
                    + "' needs "
                    + keys.size()
                    + " key value(s) "
                    + keys.stream().map(QName::getLocalName).toList()
                    + ", got "
                    + values.size());
          }
          var predicates = new java.util.LinkedHashMap<QName, Object>();
          for (int k = 0; k < keys.size(); k++) {
            var keyLeaf = (LeafSchemaNode) list.getDataChildByName(keys.get(k));
            predicates.put(keys.get(k), value(keyLeaf, stack, values.get(k)));
          }
          var entryId = NodeIdentifierWithPredicates.of(qname, predicates);
          child = map.enterChild(stack, entryId);
          args.add(entryId);
        } else if (i != segments.size() - 1) {
          throw RestconfException.badRequest(
              ErrorTag.INVALID_VALUE,
              "list '" + identifier + "' needs its key values: " + identifier + "=...");
        }
      } else if (node instanceof LeafListSchemaNode leafList
          && child instanceof DataSchemaContext.PathMixin set) {
        if (values != null) {
          if (values.size() != 1) {
            throw RestconfException.badRequest(
                ErrorTag.INVALID_VALUE, "a leaf-list entry is named by one value");
          }
          var entryId = new NodeWithValue<>(qname, value(leafList, stack, values.get(0)));
          child = set.enterChild(stack, entryId);
          args.add(entryId);
        } else if (i != segments.size() - 1) {
          throw RestconfException.badRequest(
              ErrorTag.INVALID_VALUE, "leaf-list '" + identifier + "' needs a value");
        }
      } else if (values != null) {
        throw RestconfException.badRequest(
            ErrorTag.INVALID_VALUE,
            "'" + identifier + "' is not a list or leaf-list: it takes no '=' value");
      }
      current = child;
    }
    return new Target(YangInstanceIdentifier.of(args), current, stack, Optional.empty());
  }

  private static Optional<ActionDefinition> action(DataSchemaContext context, QName qname) {
    if (context.dataSchemaNode() instanceof ActionNodeContainer container) {
      return container.findAction(qname);
    }
    return Optional.empty();
  }

  private static String describe(DataSchemaContext context) {
    var node = context.dataSchemaNode();
    return node == null ? "the root" : "'" + node.getQName().getLocalName() + "'";
  }

  private QName qname(String identifier, QNameModule parent, boolean first)
      throws RestconfException {
    int colon = identifier.indexOf(':');
    if (colon < 0) {
      if (first || parent == null) {
        throw RestconfException.badRequest(
            ErrorTag.INVALID_VALUE,
            "the first step '" + identifier + "' must name its module: module-name:" + identifier);
      }
      return qname(parent, identifier);
    }
    String moduleName = identifier.substring(0, colon);
    var module = module(moduleName);
    if (module.isEmpty()) {
      throw RestconfException.notFound(null, "no module '" + moduleName + "' is loaded");
    }
    return qname(module.get().getQNameModule(), identifier.substring(colon + 1));
  }

  private static QName qname(QNameModule module, String localName) throws RestconfException {
    try {
      return QName.create(module, localName);
    } catch (IllegalArgumentException e) {
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE, "'" + localName + "' is not a YANG identifier");
    }
  }

  /** The newest loaded revision of a module. */
  Optional<Module> module(String name) {
    return schema.findModules(name).stream().findFirst().map(Module.class::cast);
  }

  private Object value(
      org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode leaf,
      SchemaInferenceStack stack,
      String text)
      throws RestconfException {
    try {
      var at = stack.copy();
      if (leaf instanceof LeafSchemaNode) {
        at.enterSchemaTree(leaf.getQName());
      }
      return codecs.codecFor(leaf, at).parseValue(text);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw RestconfException.badRequest(
          ErrorTag.INVALID_VALUE,
          "'"
              + text
              + "' is not a valid value of "
              + leaf.getQName().getLocalName()
              + ": "
              + e.getMessage());
    }
  }

  /** Splits the value part of a list-instance step: comma-separated, each percent-decoded. */
  private static List<String> keyValues(String raw) throws RestconfException {
    var out = new ArrayList<String>();
    int start = 0;
    for (int i = 0; i <= raw.length(); i++) {
      if (i == raw.length() || raw.charAt(i) == ',') {
        out.add(decode(raw.substring(start, i)));
        start = i + 1;
      }
    }
    return out;
  }

  static String decode(String raw) throws RestconfException {
    try {
      // '+' is a literal plus in a path, not a space
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw RestconfException.badRequest(
          ErrorTag.MALFORMED_MESSAGE, "bad percent-encoding in '" + raw + "' (RFC 3986 §2.1)");
    }
  }

  /**
   * The api-path of a data node, as a {@code Location} header needs it (RFC 8040 §4.4.1): module
   * names where the namespace changes, key values percent-encoded.
   */
  String encode(YangInstanceIdentifier path) {
    var out = new StringBuilder();
    QNameModule module = null;
    DataSchemaContext context = tree.getRoot();
    for (PathArgument arg : path.getPathArguments()) {
      context =
          context instanceof DataSchemaContext.Composite composite
              ? composite.childByArg(arg)
              : null;
      if (context != null && context.dataSchemaNode() instanceof ChoiceSchemaNode) {
        continue;
      }
      if (arg instanceof NodeIdentifierWithPredicates keyed) {
        out.append('=');
        boolean firstKey = true;
        for (Map.Entry<QName, Object> key : keyed.entrySet()) {
          if (!firstKey) {
            out.append(',');
          }
          firstKey = false;
          out.append(percent(text(key.getValue())));
        }
        continue;
      }
      if (arg instanceof NodeWithValue<?> v) {
        out.append('=').append(percent(text(v.getValue())));
        continue;
      }
      QName q = arg.getNodeType();
      out.append('/');
      if (!q.getModule().equals(module)) {
        out.append(schema.findModule(q.getModule()).orElseThrow().getName()).append(':');
        module = q.getModule();
      }
      out.append(q.getLocalName());
    }
    return out.toString();
  }

  private static String text(Object value) {
    if (value instanceof QName q) {
      return q.getLocalName();
    }
    return String.valueOf(value);
  }

  private static String percent(String text) {
    var out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
