package io.yamano.netconf.data;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter.MetadataExtension;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * Streams data as the content of a NETCONF {@code <data>} element (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-7.1">RFC 6241 §7.1</a>) through the
 * yangtools {@link XMLStreamNormalizedNodeStreamWriter}, applying a with-defaults mode (<a
 * href="https://www.rfc-editor.org/rfc/rfc6243#section-3">RFC 6243 §3</a>).
 *
 * <p>Nothing is copied: subtrees without defaults in their schema go straight through {@link
 * NormalizedNodeWriter}; the others are walked along the schema, adding absent leaves that have a
 * default (inside written containers and list entries, inside non-presence containers, in the
 * default case of an absent choice) for {@code report-all}, tagging leaves at their default with
 * {@code wd:default="true"} for {@code report-all-tagged}, and dropping them for {@code trim}.
 *
 * <p>Defaults are added to the data given: a caller that filters first gets the defaults of the
 * containers and list entries it selected.
 *
 * <p>Thread-safe; one instance per model context.
 */
public final class DataWriter {
  private static final QName WD_DEFAULT =
      QName.create(XMLNamespace.of(NetconfNamespaces.WITH_DEFAULTS), "default");

  private final EffectiveModelContext context;
  private final LeafValues values;
  private final io.yamano.yang.xml.XmlDataWriter raw;
  private final Map<DataSchemaNode, Boolean> hasDefaults = new ConcurrentHashMap<>();
  private final Map<LeafSchemaNode, Optional<Object>> defaults = new ConcurrentHashMap<>();

  public DataWriter(EffectiveModelContext context) {
    this.context = context;
    this.values = new LeafValues(context);
    this.raw = new io.yamano.yang.xml.XmlDataWriter(context);
  }

  /**
   * Writes the children of {@code root} as stored (with-defaults explicit) straight to a character
   * stream: the fast path for replies that carry whole datastores.
   */
  public void writeChildren(java.io.Writer out, ContainerNode root) throws IOException {
    raw.writeChildren(root, out);
  }

  /**
   * Writes {@code <data xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">} holding the children of
   * {@code root}.
   */
  public void writeData(XMLStreamWriter out, ContainerNode root, WithDefaultsMode mode)
      throws XMLStreamException {
    out.writeStartElement(XMLConstants.DEFAULT_NS_PREFIX, "data", NetconfNamespaces.BASE);
    out.writeDefaultNamespace(NetconfNamespaces.BASE);
    writeChildren(out, root, mode);
    out.writeEndElement();
  }

  /**
   * Writes the children of {@code root} as top-level elements, each with its module's namespace.
   * Call it right after starting the enclosing element: for {@code report-all-tagged} it declares
   * {@code xmlns:wd} there unless the prefix is already bound.
   *
   * @param root the datastore root or a filter's result (a container named {@code
   *     SchemaContext.NAME})
   */
  public void writeChildren(XMLStreamWriter out, ContainerNode root, WithDefaultsMode mode)
      throws XMLStreamException {
    writeChildren(out, root, mode, true);
  }

  /**
   * As {@link #writeChildren(XMLStreamWriter, ContainerNode, WithDefaultsMode)}; with {@code
   * inventAbsent} false, no default is added for a node the data lacks (the data already holds
   * them, from {@link #withDefaults}, pruned by access control).
   */
  public void writeChildren(
      XMLStreamWriter out, ContainerNode root, WithDefaultsMode mode, boolean inventAbsent)
      throws XMLStreamException {
    if (mode == WithDefaultsMode.REPORT_ALL_TAGGED
        && out.getNamespaceContext().getPrefix(NetconfNamespaces.WITH_DEFAULTS) == null) {
      // declared on the enclosing element, which the caller has just started
      out.writeNamespace("wd", NetconfNamespaces.WITH_DEFAULTS);
      out.setPrefix("wd", NetconfNamespaces.WITH_DEFAULTS);
    }
    var stream = XMLStreamNormalizedNodeStreamWriter.create(out, context);
    var plain = NormalizedNodeWriter.forStreamWriter(stream, true);
    try {
      if (mode == WithDefaultsMode.EXPLICIT) {
        for (NormalizedNode child : root.body()) {
          plain.write(child);
        }
      } else {
        new Walk(stream, plain, mode, inventAbsent).containerBody(root, context, List.of());
      }
      plain.flush();
    } catch (IOException e) {
      if (e.getCause() instanceof XMLStreamException x) {
        throw x;
      }
      throw new XMLStreamException("cannot write data: " + e.getMessage(), e);
    }
  }

  /**
   * Writes one node with its schema into any stream writer (XML or JSON), applying a with-defaults
   * mode (RFC 6243 §3); the RESTCONF encodings share this with NETCONF.
   *
   * @param schema the node's schema ({@code null} writes the node as it is)
   */
  public void write(
      NormalizedNodeStreamWriter stream,
      NormalizedNode node,
      DataSchemaNode schema,
      WithDefaultsMode mode)
      throws IOException {
    var plain = NormalizedNodeWriter.forStreamWriter(stream, true);
    if (mode == WithDefaultsMode.EXPLICIT) {
      plain.write(node);
    } else {
      new Walk(stream, plain, mode, true).node(node, schema);
    }
    plain.flush();
  }

  /** Writes the children of a datastore root into any stream writer, as {@link #write}. */
  public void writeRootChildren(
      NormalizedNodeStreamWriter stream, ContainerNode root, WithDefaultsMode mode)
      throws IOException {
    writeRootChildren(stream, root, mode, true);
  }

  /**
   * As {@link #write}, with report-all-tagged tagging the leaves that hold their default but not
   * adding absent ones: for a tree that already holds its defaults and was then cut (RESTCONF
   * {@code depth} and {@code fields}), where adding would bring back what was cut.
   */
  public void writeTaggedOnly(
      NormalizedNodeStreamWriter stream, NormalizedNode node, DataSchemaNode schema)
      throws IOException {
    var plain = NormalizedNodeWriter.forStreamWriter(stream, true);
    new Walk(stream, plain, WithDefaultsMode.REPORT_ALL_TAGGED, false).node(node, schema);
    plain.flush();
  }

  /** As {@link #writeRootChildren}; {@code addAbsent} false tags without adding (see above). */
  public void writeRootChildren(
      NormalizedNodeStreamWriter stream,
      ContainerNode root,
      WithDefaultsMode mode,
      boolean addAbsent)
      throws IOException {
    var plain = NormalizedNodeWriter.forStreamWriter(stream, true);
    if (mode == WithDefaultsMode.EXPLICIT) {
      for (NormalizedNode child : root.body()) {
        plain.write(child);
      }
    } else {
      new Walk(stream, plain, mode, addAbsent).containerBody(root, context, List.of());
    }
    plain.flush();
  }

  /**
   * The tree with every default that {@code report-all} reports added as data (RFC 6243 §3.1), so
   * that access control can prune defaults the same way as stored values.
   */
  public ContainerNode withDefaults(ContainerNode root) {
    var holder = new org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder();
    var stream =
        org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter.from(
            holder);
    var plain = NormalizedNodeWriter.forStreamWriter(stream, true);
    try {
      stream.startContainerNode(root.name(), NormalizedNodeStreamWriter.UNKNOWN_SIZE);
      new Walk(stream, plain, WithDefaultsMode.REPORT_ALL, true)
          .containerBody(root, context, List.of());
      stream.endNode();
      plain.flush();
    } catch (IOException e) {
      throw new IllegalStateException("cannot add defaults: " + e.getMessage(), e);
    }
    return (ContainerNode) holder.getResult().data();
  }

  /** One write: emits stream events along data and schema. */
  private final class Walk {
    private final NormalizedNodeStreamWriter stream;
    private final NormalizedNodeWriter plain;
    private final WithDefaultsMode mode;
    private final boolean reportAll;

    Walk(
        NormalizedNodeStreamWriter stream,
        NormalizedNodeWriter plain,
        WithDefaultsMode mode,
        boolean addAbsent) {
      this.stream = stream;
      this.plain = plain;
      this.mode = mode;
      this.reportAll =
          addAbsent
              && (mode == WithDefaultsMode.REPORT_ALL
                  || mode == WithDefaultsMode.REPORT_ALL_TAGGED);
    }

    void node(NormalizedNode node, DataSchemaNode schema) throws IOException {
      if (schema == null || !hasDefaults(schema)) {
        plain.write(node);
      } else if (node instanceof ContainerNode container
          && schema instanceof ContainerSchemaNode containerSchema) {
        stream.startContainerNode(container.name(), NormalizedNodeStreamWriter.UNKNOWN_SIZE);
        containerBody(container, containerSchema, List.of());
        stream.endNode();
      } else if (node instanceof MapNode map && schema instanceof ListSchemaNode list) {
        if (map instanceof UserMapNode) {
          stream.startOrderedMapNode(map.name(), map.size());
        } else {
          stream.startMapNode(map.name(), map.size());
        }
        for (MapEntryNode entry : map.body()) {
          stream.startMapEntryNode(entry.name(), NormalizedNodeStreamWriter.UNKNOWN_SIZE);
          containerBody(entry, list, list.getKeyDefinition());
          stream.endNode();
        }
        stream.endNode();
      } else if (node instanceof ChoiceNode choice
          && schema instanceof ChoiceSchemaNode choiceSchema) {
        stream.startChoiceNode(choice.name(), NormalizedNodeStreamWriter.UNKNOWN_SIZE);
        choiceBody(choice, choiceSchema);
        stream.endNode();
      } else if (node instanceof LeafNode<?> leaf && schema instanceof LeafSchemaNode leafSchema) {
        Optional<Object> def = defaultOf(leafSchema);
        boolean atDefault = def.isPresent() && def.get().equals(leaf.body());
        if (!(atDefault && mode == WithDefaultsMode.TRIM)) {
          leaf(leaf.name(), leaf.body(), atDefault && mode == WithDefaultsMode.REPORT_ALL_TAGGED);
        }
      } else {
        plain.write(node);
      }
    }

    void containerBody(DataContainerNode data, DataNodeContainer schema, List<QName> keys)
        throws IOException {
      for (QName key : keys) {
        var child = data.childByArg(NodeIdentifier.create(key));
        if (child != null) {
          node(child, schema.dataChildByName(key));
        }
      }
      for (NormalizedNode child : data.body()) {
        if (!keys.contains(child.name().getNodeType())) {
          node(child, schema.dataChildByName(child.name().getNodeType()));
        }
      }
      if (reportAll) {
        absentDefaults(data, schema.getChildNodes());
      }
    }

    private void choiceBody(ChoiceNode choice, ChoiceSchemaNode schema) throws IOException {
      CaseSchemaNode active = null;
      for (NormalizedNode child : choice.body()) {
        DataSchemaNode childSchema = null;
        for (CaseSchemaNode caze : schema.getCases()) {
          childSchema = caze.dataChildByName(child.name().getNodeType());
          if (childSchema != null) {
            active = caze;
            break;
          }
        }
        node(child, childSchema);
      }
      if (reportAll && active != null) {
        absentDefaults(choice, active.getChildNodes());
      }
    }

    private void absentDefaults(
        DataContainerNode data, Collection<? extends DataSchemaNode> schemaChildren)
        throws IOException {
      for (DataSchemaNode s : schemaChildren) {
        if (data.childByArg(NodeIdentifier.create(s.getQName())) == null) {
          defaultsOnly(s);
        }
      }
    }

    private void defaultsOnly(DataSchemaNode s) throws IOException {
      if (!hasDefaults(s)) {
        return;
      }
      var id = NodeIdentifier.create(s.getQName());
      if (s instanceof LeafSchemaNode leaf) {
        leaf(id, defaultOf(leaf).orElseThrow(), mode == WithDefaultsMode.REPORT_ALL_TAGGED);
      } else if (s instanceof ContainerSchemaNode container && !container.isPresenceContainer()) {
        stream.startContainerNode(id, NormalizedNodeStreamWriter.UNKNOWN_SIZE);
        for (DataSchemaNode c : container.getChildNodes()) {
          defaultsOnly(c);
        }
        stream.endNode();
      } else if (s instanceof ChoiceSchemaNode choice && choice.getDefaultCase().isPresent()) {
        var caze = choice.getDefaultCase().orElseThrow();
        if (caze.getChildNodes().stream().anyMatch(DataWriter.this::hasDefaults)) {
          stream.startChoiceNode(id, NormalizedNodeStreamWriter.UNKNOWN_SIZE);
          for (DataSchemaNode c : caze.getChildNodes()) {
            defaultsOnly(c);
          }
          stream.endNode();
        }
      }
    }

    private void leaf(NodeIdentifier id, Object value, boolean tagged) throws IOException {
      stream.startLeafNode(id);
      if (tagged) {
        var metadata = stream.extension(MetadataExtension.class);
        if (metadata != null) {
          metadata.metadata(ImmutableMap.of(WD_DEFAULT, "true"));
        }
      }
      stream.scalarValue(value);
      stream.endNode();
    }
  }

  /** Whether the schema subtree holds a leaf with a default. */
  private boolean hasDefaults(DataSchemaNode schema) {
    Boolean known = hasDefaults.get(schema);
    if (known != null) {
      return known;
    }
    boolean found;
    if (schema instanceof LeafSchemaNode leaf) {
      found = defaultOf(leaf).isPresent();
    } else if (schema instanceof ChoiceSchemaNode choice) {
      found =
          choice.getCases().stream()
              .flatMap(c -> c.getChildNodes().stream())
              .anyMatch(this::hasDefaults);
    } else if (schema instanceof DataNodeContainer container) {
      found = container.getChildNodes().stream().anyMatch(this::hasDefaults);
    } else {
      found = false;
    }
    hasDefaults.put(schema, found);
    return found;
  }

  /** The default of a leaf as a value, if it has one (RFC 7950 §7.6.1). */
  private Optional<Object> defaultOf(LeafSchemaNode leaf) {
    return defaults.computeIfAbsent(
        leaf,
        l -> {
          Optional<? extends Object> text = l.getType().getDefaultValue();
          if (text.isEmpty()) {
            return Optional.empty();
          }
          var module = context.findModule(l.getQName().getModule());
          try {
            return Optional.of(
                values.parse(
                    l,
                    List.of(l.getQName()),
                    text.orElseThrow().toString(),
                    module
                        .<javax.xml.namespace.NamespaceContext>map(
                            m -> new ModuleNamespaceContext(context, m))
                        .orElse(null)));
          } catch (RuntimeException e) {
            return Optional.empty();
          }
        });
  }
}
