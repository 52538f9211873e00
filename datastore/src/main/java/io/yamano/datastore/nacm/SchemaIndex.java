package io.yamano.datastore.nacm;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;

/**
 * What access control needs from the schema: module names by namespace, prefixes, and which schema
 * nodes carry {@code nacm:default-deny-write} or {@code nacm:default-deny-all} (RFC 8341 §3.2.2),
 * found once per node and kept.
 */
final class SchemaIndex {
  static final String NACM_NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";
  static final int DENY_WRITE = 1;
  static final int DENY_ALL = 2;

  final EffectiveModelContext context;
  final DataSchemaContextTree tree;
  private final Map<XMLNamespace, String> moduleNames = new HashMap<>();
  private final Map<String, QNameModule> byName = new HashMap<>();
  private final Map<String, QNameModule> byPrefix = new HashMap<>();
  private final Map<Object, Integer> flags = new ConcurrentHashMap<>();

  SchemaIndex(EffectiveModelContext context) {
    this.context = context;
    this.tree = DataSchemaContextTree.from(context);
    for (var module : context.getModules()) {
      moduleNames.put(module.getNamespace(), module.getName());
      byName.put(module.getName(), module.getQNameModule());
      byPrefix.putIfAbsent(module.getPrefix(), module.getQNameModule());
    }
  }

  String moduleName(QName name) {
    return moduleNames.getOrDefault(name.getNamespace(), "");
  }

  Optional<QNameModule> moduleByPrefixOrName(String prefixOrName) {
    var m = byName.get(prefixOrName);
    return m != null ? Optional.of(m) : Optional.ofNullable(byPrefix.get(prefixOrName));
  }

  /** The extension flags of a schema node (0 when it has none or is null). */
  int flags(Object schemaNode) {
    if (schemaNode == null) {
      return 0;
    }
    return flags.computeIfAbsent(schemaNode, SchemaIndex::computeFlags);
  }

  /**
   * What a schema subtree holds, for skipping walks: whether some node below carries {@code
   * default-deny-all}, and whether every node below is in the node's own module (no augments).
   */
  record Subtree(boolean denyAllBelow, boolean singleModule) {}

  private final Map<Object, Subtree> subtrees = new ConcurrentHashMap<>();

  Subtree subtree(org.opendaylight.yangtools.yang.model.api.DataSchemaNode node) {
    var known = subtrees.get(node);
    if (known != null) {
      return known;
    }
    boolean denyAll = false;
    boolean single = true;
    var namespace = node.getQName().getNamespace();
    for (var child : children(node)) {
      denyAll |= (flags(child) & DENY_ALL) != 0;
      single &= child.getQName().getNamespace().equals(namespace);
      var below = subtree(child);
      denyAll |= below.denyAllBelow;
      single &= below.singleModule;
    }
    var computed = new Subtree(denyAll, single);
    subtrees.put(node, computed);
    return computed;
  }

  private static java.util.List<org.opendaylight.yangtools.yang.model.api.DataSchemaNode> children(
      org.opendaylight.yangtools.yang.model.api.DataSchemaNode node) {
    var out = new java.util.ArrayList<org.opendaylight.yangtools.yang.model.api.DataSchemaNode>();
    if (node instanceof org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode choice) {
      for (var caze : choice.getCases()) {
        out.addAll(caze.getChildNodes());
      }
    } else if (node instanceof org.opendaylight.yangtools.yang.model.api.DataNodeContainer c) {
      out.addAll(c.getChildNodes());
    }
    return out;
  }

  /** Whether a container is a non-presence one: it has no meaning of its own to protect. */
  static boolean isStructural(Object schemaNode) {
    return schemaNode instanceof ContainerSchemaNode c && !c.isPresenceContainer();
  }

  private static int computeFlags(Object node) {
    int f = 0;
    if (node instanceof EffectiveStatement<?, ?> statement) {
      for (var sub : statement.effectiveSubstatements()) {
        f |= flagOf(sub.statementDefinition().getStatementName());
      }
      // yangtools recognises the extensions only for the RFC 6536 revision of the module; for
      // RFC 8341's they stay unrecognised and appear only among the declared substatements.
      var declared = statement.getDeclared();
      if (declared != null) {
        for (var sub : declared.declaredSubstatements()) {
          f |= flagOf(sub.statementDefinition().getStatementName());
        }
      }
    }
    return f;
  }

  private static int flagOf(QName name) {
    if (!name.getNamespace().toString().equals(NACM_NAMESPACE)) {
      return 0;
    }
    return switch (name.getLocalName()) {
      case "default-deny-all" -> DENY_ALL;
      case "default-deny-write" -> DENY_WRITE;
      default -> 0;
    };
  }
}
