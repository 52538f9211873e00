package io.yamano.cli.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DocumentedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * The loaded schema as the CLI walks it: children by the words users type, actions, help texts.
 * Choices and cases are transparent (their members are offered directly), and a non-presence
 * container whose only child is a list can be skipped ({@code ns-instance web1} for {@code
 * ns-instances ns-instance web1}), as operators type it.
 */
public final class SchemaTree {
  /** Which data nodes a command may name. */
  public enum Filter {
    /** configuration only ({@code set}, {@code delete}, configure-mode {@code show}) */
    CONFIG,
    /** configuration and state ({@code show}, {@code request}) */
    ALL
  }

  private final EffectiveModelContext context;
  private final Map<QNameModule, String> prefixes = new HashMap<>();
  private final Map<DataNodeContainer, List<Child>> configChildren = new HashMap<>();
  private final Map<DataNodeContainer, List<Child>> allChildren = new HashMap<>();

  public SchemaTree(EffectiveModelContext context) {
    this.context = context;
    for (var module : context.getModules()) {
      prefixes.put(module.getQNameModule(), module.getPrefix());
    }
  }

  public EffectiveModelContext context() {
    return context;
  }

  /** The prefix of a module (for {@code prefix:name} words and identity values). */
  public String prefix(QNameModule module) {
    return prefixes.getOrDefault(module, module.namespace().toString());
  }

  /** The module with this prefix, if one is loaded. */
  public Optional<QNameModule> moduleByPrefix(String prefix) {
    return prefixes.entrySet().stream()
        .filter(e -> e.getValue().equals(prefix))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** All module prefixes with their namespaces. */
  public Map<QNameModule, String> prefixes() {
    return Map.copyOf(prefixes);
  }

  /** The children of a container, list entry, action input or the root, in schema order. */
  public synchronized List<Child> children(DataNodeContainer parent, Filter filter) {
    var cache = filter == Filter.CONFIG ? configChildren : allChildren;
    return cache.computeIfAbsent(parent, p -> computeChildren(p, filter));
  }

  private List<Child> computeChildren(DataNodeContainer parent, Filter filter) {
    var direct = new ArrayList<Child>();
    collect(parent, filter, List.of(), List.of(), direct);
    var byName = new LinkedHashMap<String, Integer>();
    for (var c : direct) {
      byName.merge(c.node().getQName().getLocalName(), 1, Integer::sum);
    }
    var out = new ArrayList<Child>();
    for (var c : direct) {
      var local = c.node().getQName().getLocalName();
      var word =
          byName.get(local) > 1 ? prefix(c.node().getQName().getModule()) + ":" + local : local;
      out.add(new Child(word, c.node(), c.schemaSteps(), c.dataSteps()));
    }
    // Shortcuts: a wrapper container's only list, unless its name is taken.
    var shortcuts = new ArrayList<Child>();
    for (var c : out) {
      if (c.node() instanceof ContainerSchemaNode container && !container.isPresenceContainer()) {
        var inner = new ArrayList<Child>();
        collect(container, filter, List.of(), List.of(), inner);
        if (inner.size() == 1 && inner.get(0).node() instanceof ListSchemaNode list) {
          var word = list.getQName().getLocalName();
          if (!byName.containsKey(word)) {
            var schemaSteps = new ArrayList<>(c.schemaSteps());
            schemaSteps.addAll(inner.get(0).schemaSteps());
            var dataSteps = new ArrayList<>(c.dataSteps());
            dataSteps.addAll(inner.get(0).dataSteps());
            shortcuts.add(new Child(word, list, schemaSteps, dataSteps));
          }
        }
      }
    }
    out.addAll(shortcuts);
    return List.copyOf(out);
  }

  private static void collect(
      DataNodeContainer parent,
      Filter filter,
      List<QName> schemaPrefix,
      List<QName> dataPrefix,
      List<Child> out) {
    for (var node : parent.getChildNodes()) {
      if (filter == Filter.CONFIG && !node.effectiveConfig().orElse(Boolean.TRUE)) {
        continue;
      }
      var schemaSteps = append(schemaPrefix, node.getQName());
      var dataSteps = append(dataPrefix, node.getQName());
      if (node instanceof ChoiceSchemaNode choice) {
        for (CaseSchemaNode kase : choice.getCases()) {
          collect(kase, filter, append(schemaSteps, kase.getQName()), dataSteps, out);
        }
      } else if (node instanceof ContainerSchemaNode
          || node instanceof ListSchemaNode
          || node instanceof LeafSchemaNode
          || node instanceof LeafListSchemaNode) {
        out.add(new Child(node.getQName().getLocalName(), node, schemaSteps, dataSteps));
      }
    }
  }

  private static List<QName> append(List<QName> list, QName last) {
    var out = new ArrayList<>(list);
    out.add(last);
    return out;
  }

  /** The actions defined on a container or list (RFC 7950 §7.15). */
  public List<ActionDefinition> actions(DataNodeContainer node) {
    if (node instanceof ActionNodeContainer container) {
      return List.copyOf(container.getActions());
    }
    return List.of();
  }

  /** The first sentence of a node's description, for help lines. */
  public static String summary(Object node) {
    if (node instanceof DocumentedNode documented) {
      return documented
          .getDescription()
          .map(
              d -> {
                var text = d.strip().replaceAll("\\s+", " ");
                int dot = text.indexOf(". ");
                return dot > 0 ? text.substring(0, dot + 1) : text;
              })
          .orElse("");
    }
    return "";
  }
}
