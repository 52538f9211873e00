package io.yamano.netconf.data;

import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.InputSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns the {@code <config>} element of {@code <edit-config>} into the ordered edits it asks for
 * (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.2">RFC 6241 §7.2</a>).
 *
 * <p>The DOM is walked along the schema. The {@code operation} attribute (namespace {@value
 * NetconfNamespaces#BASE}) sets the operation of its subtree; an element without one inherits its
 * parent's, and at the top the {@link DefaultOperation}. A subtree without nested {@code operation}
 * or {@code insert} attributes becomes one {@link EditOperation} holding the subtree as a
 * NormalizedNode. A container or list entry whose subtree has nested ones becomes an edit of itself
 * with only its plain children (keys included), followed by the edits of the nested subtrees, in
 * document order. With {@code default-operation none} elements without an operation only lead to
 * the nested ones and create nothing; a leaf without an operation does nothing.
 *
 * <p>With {@code default-operation replace} the first edit replaces the whole configuration (path
 * {@link YangInstanceIdentifier#of()}) with the plain content of {@code <config>}.
 *
 * <p>Faults are collected in one pass and thrown together, in document order: unknown elements and
 * namespaces, values outside their type, bad {@code operation}/{@code insert} attributes, missing
 * list keys, state data ({@code config false}). The caller applies the edits one by one; the
 * datastore reports what only it can know ({@code data-exists}, {@code data-missing}, a missing
 * ancestor).
 *
 * <p>Thread-safe; one instance per model context.
 */
public final class EditConfigParser {
  private static final NodeIdentifier ROOT = NodeIdentifier.create(SchemaContext.NAME);

  private final EffectiveModelContext context;
  private final LeafValues values;

  public EditConfigParser(EffectiveModelContext context) {
    this.context = context;
    this.values = new LeafValues(context);
  }

  /**
   * Parses the content of {@code <config>}.
   *
   * @param config the {@code <config>} element (namespace-aware DOM)
   * @param defaultOperation the {@code <default-operation>} parameter
   * @return the edits in document order, parents before the nested edits inside them
   * @throws RpcException with every fault found, each with its error-tag, error-path and error-info
   */
  public List<EditOperation> parse(Element config, DefaultOperation defaultOperation)
      throws RpcException {
    var walk = new Walk();
    var root = new Level(context, List.of(), YangInstanceIdentifier.of());
    if (defaultOperation == DefaultOperation.REPLACE) {
      var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(ROOT);
      walk.collect(config, root, true).forEach(builder::withChild);
      walk.ops.add(
          new EditOperation(
              Operation.REPLACE,
              YangInstanceIdentifier.of(),
              Optional.of(builder.build()),
              Optional.empty()));
      walk.children(config, root, Operation.REPLACE, true);
    } else {
      walk.children(
          config, root, defaultOperation == DefaultOperation.MERGE ? Operation.MERGE : null, false);
    }
    if (!walk.errors.isEmpty()) {
      throw new RpcException(walk.errors);
    }
    return List.copyOf(walk.ops);
  }

  /**
   * Parses the children of an rpc or action element as the operation's {@code input} (RFC 7950
   * §7.14.2, §7.15.2): the same element rules and errors as configuration, plus the input's
   * mandatory leaves and choices.
   *
   * @param operation the element holding the input parameters
   * @param input the operation's input statement
   * @param schemaPath schema-tree path of the input statement (for leafref and identity types)
   * @param errorBase the instance path errors are reported under (the action's data node, or empty
   *     for an rpc)
   * @return the {@code input} container
   * @throws RpcException with every fault found
   */
  public ContainerNode parseInput(
      Element operation,
      InputSchemaNode input,
      List<QName> schemaPath,
      YangInstanceIdentifier errorBase)
      throws RpcException {
    var walk = new Walk();
    // input nodes are not configuration, even below a config false node (RFC 7950 §7.15)
    walk.operationInput = true;
    var children = walk.collect(operation, new Level(input, schemaPath, errorBase), false);
    var builder =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(input.getQName()));
    children.forEach(builder::withChild);
    var built = builder.build();
    InputMandatory.check(input, built, errorBase, walk.errors);
    if (!walk.errors.isEmpty()) {
      throw new RpcException(walk.errors);
    }
    return built;
  }

  /**
   * The key of the list entry an element stands for, read from its key leaves with the same rules
   * and errors as configuration.
   *
   * @param schemaPath schema-tree path of the list
   * @param listPath instance path of the list (for error paths)
   */
  NodeIdentifierWithPredicates entryKey(
      Element entry, ListSchemaNode list, List<QName> schemaPath, YangInstanceIdentifier listPath)
      throws RpcException {
    try {
      return new Walk().readKeys(entry, list, schemaPath, listPath);
    } catch (Refused r) {
      throw new RpcException(r.error);
    }
  }

  /** A container level of the walk: its schema, schema-tree path and instance path. */
  private record Level(
      DataNodeContainer schema, List<QName> schemaPath, YangInstanceIdentifier path) {}

  /** Where an element lands: its instance path, schema-tree path and last path step. */
  private record Located(YangInstanceIdentifier path, List<QName> schemaPath, PathArgument id) {}

  /** An element that cannot be used; its error is recorded and the walk goes on. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RpcError error;

    Refused(RpcError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  /** The state of one parse. */
  private final class Walk {
    final List<EditOperation> ops = new ArrayList<>();
    final List<RpcError> errors = new ArrayList<>();
    private final Map<Element, Boolean> marked = new IdentityHashMap<>();
    boolean operationInput;

    void children(Element parent, Level level, Operation inherited, boolean onlyMarked) {
      for (Element e : elements(parent)) {
        if (onlyMarked && !marked(e)) {
          continue;
        }
        try {
          edit(e, level, inherited);
        } catch (Refused r) {
          errors.add(r.error);
        }
      }
    }

    private void edit(Element e, Level level, Operation inherited) {
      SchemaChild child = resolve(e, level);
      Located at = locate(e, child, level);
      Operation own = readOperation(e, at);
      Optional<Insert> insert = readInsert(e, child, at);
      Operation effective = own != null ? own : inherited;
      if (effective == null) {
        // default-operation none: navigate only, but still check what is there
        if (child.node() instanceof ListSchemaNode
            || child.node() instanceof ContainerSchemaNode presence
                && presence.isPresenceContainer()) {
          // RFC 6241 §7.2: a level the target lacks is data-missing
          ops.add(
              new EditOperation(Operation.EXISTING, at.path(), Optional.empty(), Optional.empty()));
        }
        if (child.node() instanceof DataNodeContainer container) {
          children(e, new Level(container, at.schemaPath(), at.path()), null, false);
        } else if (child.node() instanceof LeafSchemaNode leaf) {
          leafValue(e, leaf, at);
        }
        return;
      }
      if (effective.removes()) {
        ops.add(new EditOperation(effective, at.path(), Optional.empty(), Optional.empty()));
        return;
      }
      if (child.node() instanceof DataNodeContainer container && hasMarkedChild(e)) {
        ops.add(
            new EditOperation(
                effective, at.path(), Optional.of(build(e, child, at, true)), insert));
        children(e, new Level(container, at.schemaPath(), at.path()), effective, true);
      } else {
        ops.add(
            new EditOperation(
                effective, at.path(), Optional.of(build(e, child, at, false)), insert));
      }
    }

    /** Builds the children of {@code parent}, recording faults and skipping faulty children. */
    List<DataContainerChild> collect(Element parent, Level level, boolean plainOnly) {
      var collector = new ChildCollector();
      for (Element c : elements(parent)) {
        if (plainOnly && marked(c)) {
          continue;
        }
        try {
          SchemaChild child = resolve(c, level);
          Located at = locate(c, child, level);
          String clash = collector.add(child, build(c, child, at, false));
          if (clash != null) {
            errors.add(DataErrors.badElement(at.path(), c.getLocalName(), clash));
          }
        } catch (Refused r) {
          errors.add(r.error);
        }
      }
      return collector.build();
    }

    private NormalizedNode build(Element e, SchemaChild child, Located at, boolean plainOnly) {
      var schema = child.node();
      if (schema instanceof ContainerSchemaNode container) {
        var builder =
            ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) at.id());
        collect(e, new Level(container, at.schemaPath(), at.path()), plainOnly)
            .forEach(builder::withChild);
        return builder.build();
      }
      if (schema instanceof ListSchemaNode list) {
        var builder =
            ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier((NodeIdentifierWithPredicates) at.id());
        collect(e, new Level(list, at.schemaPath(), at.path()), plainOnly)
            .forEach(builder::withChild);
        return builder.build();
      }
      if (schema instanceof LeafSchemaNode leaf) {
        return ImmutableNodes.leafNode(leaf.getQName(), leafValue(e, leaf, at));
      }
      if (schema instanceof LeafListSchemaNode) {
        return ImmutableNodes.leafSetEntry((NodeWithValue<?>) at.id());
      }
      if (schema instanceof AnyxmlSchemaNode) {
        return ImmutableNodes.newAnyxmlBuilder(DOMSource.class)
            .withNodeIdentifier((NodeIdentifier) at.id())
            .withValue(new DOMSource(e))
            .build();
      }
      throw new Refused(
          DataErrors.operationNotSupported(
              at.path(),
              "editing '"
                  + e.getLocalName()
                  + "' ("
                  + schema.getClass().getSimpleName()
                  + ") is not supported"));
    }

    private SchemaChild resolve(Element e, Level level) {
      String ns = e.getNamespaceURI();
      String local = e.getLocalName();
      if (ns == null || ns.isEmpty()) {
        throw new Refused(
            DataErrors.unknownElement(
                level.path(),
                local,
                "element '"
                    + local
                    + "' has no namespace; qualify it with the namespace of its YANG module"));
      }
      if (SchemaChild.modules(context, ns).isEmpty()) {
        throw new Refused(DataErrors.unknownNamespace(level.path(), local, ns));
      }
      var found = SchemaChild.find(context, level.schema(), ns, local);
      if (found.isEmpty()) {
        throw new Refused(
            DataErrors.unknownElement(
                level.path(),
                local,
                "'"
                    + local
                    + "' (namespace "
                    + ns
                    + ") is not a data node of "
                    + describe(level)
                    + "; check the name against the YANG model"));
      }
      SchemaChild child = found.get(0);
      if (!operationInput && !child.isConfig()) {
        throw new Refused(
            DataErrors.invalidValue(
                child.pathThroughChoices(level.path()).node(NodeIdentifier.create(child.qname())),
                local,
                "'"
                    + local
                    + "' is state data (config false, RFC 7950 §7.21.1) and cannot be edited;"
                    + " remove it from the edit"));
      }
      return child;
    }

    private Located locate(Element e, SchemaChild child, Level level) {
      var base = child.pathThroughChoices(level.path());
      var schemaPath = new ArrayList<>(level.schemaPath());
      schemaPath.addAll(child.schemaSteps());
      var schema = child.node();
      QName name = schema.getQName();
      var id = NodeIdentifier.create(name);
      if (schema instanceof ListSchemaNode list) {
        if (list.getKeyDefinition().isEmpty()) {
          throw new Refused(
              DataErrors.operationNotSupported(
                  base.node(id), "list '" + name.getLocalName() + "' has no key"));
        }
        var key = readKeys(e, list, schemaPath, base.node(id));
        return new Located(base.node(id).node(key), schemaPath, key);
      }
      if (schema instanceof LeafListSchemaNode leafList) {
        var entry = new NodeWithValue<>(name, value(e, leafList, schemaPath, base.node(id)));
        return new Located(base.node(id).node(entry), schemaPath, entry);
      }
      return new Located(base.node(id), schemaPath, id);
    }

    private NodeIdentifierWithPredicates readKeys(
        Element e, ListSchemaNode list, List<QName> schemaPath, YangInstanceIdentifier listPath) {
      Map<QName, Object> keys = new LinkedHashMap<>();
      for (QName key : list.getKeyDefinition()) {
        Element keyElement = null;
        for (Element c : elements(e)) {
          if (key.getLocalName().equals(c.getLocalName())
              && key.getNamespace().toString().equals(c.getNamespaceURI())) {
            keyElement = c;
            break;
          }
        }
        if (keyElement == null) {
          throw new Refused(
              DataErrors.missingElement(
                  listPath,
                  key.getLocalName(),
                  "an entry of list '"
                      + list.getQName().getLocalName()
                      + "' needs its key leaf '"
                      + key.getLocalName()
                      + "' (RFC 7950 §7.8.2)"));
        }
        var leafPath = new ArrayList<>(schemaPath);
        leafPath.add(key);
        keys.put(
            key,
            value(
                keyElement,
                (LeafSchemaNode) list.dataChildByName(key),
                leafPath,
                listPath.node(NodeIdentifier.create(key))));
      }
      return NodeIdentifierWithPredicates.of(list.getQName(), keys);
    }

    private Object leafValue(Element e, LeafSchemaNode leaf, Located at) {
      return value(e, leaf, at.schemaPath(), at.path());
    }

    private Object value(
        Element e, TypedDataSchemaNode node, List<QName> schemaPath, YangInstanceIdentifier path) {
      String text = e.getTextContent();
      for (Element c : elements(e)) {
        throw new Refused(
            DataErrors.invalidValue(
                path,
                e.getLocalName(),
                "'"
                    + e.getLocalName()
                    + "' takes a value, not child elements like '"
                    + c.getLocalName()
                    + "'"));
      }
      try {
        return values.parse(node, schemaPath, text, new DomNamespaceContext(e));
      } catch (IllegalArgumentException ex) {
        throw new Refused(
            DataErrors.invalidValue(
                path,
                e.getLocalName(),
                "value '"
                    + text
                    + "' is not valid for '"
                    + e.getLocalName()
                    + "' of type "
                    + node.getType().getQName().getLocalName()
                    + ": "
                    + ex.getMessage()));
      }
    }

    private Operation readOperation(Element e, Located at) {
      if (!e.hasAttributeNS(NetconfNamespaces.BASE, "operation")) {
        return null;
      }
      String text = e.getAttributeNS(NetconfNamespaces.BASE, "operation");
      return Operation.of(text)
          .orElseThrow(
              () ->
                  new Refused(
                      DataErrors.badAttribute(
                          at.path(),
                          e.getLocalName(),
                          "operation",
                          "'"
                              + text
                              + "' is not an edit operation; use merge, replace, create, delete"
                              + " or remove (RFC 6241 §7.2)")));
    }

    private Optional<Insert> readInsert(Element e, SchemaChild child, Located at) {
      if (!e.hasAttributeNS(NetconfNamespaces.YANG, "insert")) {
        return Optional.empty();
      }
      String local = e.getLocalName();
      String text = e.getAttributeNS(NetconfNamespaces.YANG, "insert");
      var schema = child.node();
      boolean userList = schema instanceof ListSchemaNode l && l.isUserOrdered();
      boolean userLeafList = schema instanceof LeafListSchemaNode l && l.isUserOrdered();
      if (!userList && !userLeafList) {
        throw new Refused(
            DataErrors.badAttribute(
                at.path(),
                local,
                "insert",
                "'"
                    + local
                    + "' is not an ordered-by user list or leaf-list, so it takes no 'insert'"
                    + " (RFC 7950 §7.8.6); remove the attribute"));
      }
      switch (text) {
        case "first":
          return Optional.of(new Insert.First());
        case "last":
          return Optional.of(new Insert.Last());
        case "before":
        case "after":
          PathArgument sibling =
              userList
                  ? siblingKey(e, (ListSchemaNode) schema, at)
                  : siblingValue(e, (LeafListSchemaNode) schema, at);
          return Optional.of(
              text.equals("before") ? new Insert.Before(sibling) : new Insert.After(sibling));
        default:
          throw new Refused(
              DataErrors.badAttribute(
                  at.path(),
                  local,
                  "insert",
                  "'" + text + "' is not an insert position; use first, last, before or after"));
      }
    }

    private PathArgument siblingKey(Element e, ListSchemaNode list, Located at) {
      if (!e.hasAttributeNS(NetconfNamespaces.YANG, "key")) {
        throw new Refused(
            DataErrors.missingAttribute(
                at.path(),
                e.getLocalName(),
                "key",
                "insert before/after on list '"
                    + e.getLocalName()
                    + "' needs a yang:key attribute naming the other entry, like"
                    + " key=\"[p:name='x']\" (RFC 7950 §7.8.6)"));
      }
      String text = e.getAttributeNS(NetconfNamespaces.YANG, "key");
      try {
        return KeyPredicates.parse(text, list, at.schemaPath(), e, values);
      } catch (IllegalArgumentException ex) {
        throw new Refused(
            DataErrors.badAttribute(
                at.path(),
                e.getLocalName(),
                "key",
                "key attribute '" + text + "' does not name an entry: " + ex.getMessage()));
      }
    }

    private PathArgument siblingValue(Element e, LeafListSchemaNode leafList, Located at) {
      if (!e.hasAttributeNS(NetconfNamespaces.YANG, "value")) {
        throw new Refused(
            DataErrors.missingAttribute(
                at.path(),
                e.getLocalName(),
                "value",
                "insert before/after on leaf-list '"
                    + e.getLocalName()
                    + "' needs a yang:value attribute naming the other entry (RFC 7950 §7.7.9)"));
      }
      String text = e.getAttributeNS(NetconfNamespaces.YANG, "value");
      try {
        return new NodeWithValue<>(
            leafList.getQName(),
            values.parse(leafList, at.schemaPath(), text, new DomNamespaceContext(e)));
      } catch (IllegalArgumentException ex) {
        throw new Refused(
            DataErrors.badAttribute(
                at.path(),
                e.getLocalName(),
                "value",
                "value attribute '"
                    + text
                    + "' is not a value of the leaf-list: "
                    + ex.getMessage()));
      }
    }

    private boolean marked(Element e) {
      Boolean known = marked.get(e);
      if (known == null) {
        known =
            e.hasAttributeNS(NetconfNamespaces.BASE, "operation")
                || e.hasAttributeNS(NetconfNamespaces.YANG, "insert")
                || hasMarkedChild(e);
        marked.put(e, known);
      }
      return known;
    }

    private boolean hasMarkedChild(Element e) {
      for (Element c : elements(e)) {
        if (marked(c)) {
          return true;
        }
      }
      return false;
    }
  }

  private static String describe(Level level) {
    return level.path().isEmpty()
        ? "the top level of any module"
        : "'" + level.path().getLastPathArgument().getNodeType().getLocalName() + "'";
  }

  /** The child elements of an element, in document order. */
  static List<Element> elements(Element parent) {
    var list = new ArrayList<Element>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        list.add(child);
      }
    }
    return list;
  }
}
