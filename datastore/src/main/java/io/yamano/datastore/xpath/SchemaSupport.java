package io.yamano.datastore.xpath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;

/** Schema facts shared by the cursors of one model context, computed once and cached. */
final class SchemaSupport {
  private final EffectiveModelContext modelContext;
  private final DataSchemaContextTree tree;
  private final Map<DataSchemaNode, List<QName>> childOrder = new ConcurrentHashMap<>();
  private final Map<QName, Optional<IdentitySchemaNode>> identities = new ConcurrentHashMap<>();
  private final Map<QNameModule, String> prefixes = new ConcurrentHashMap<>();
  private final LongAdder visited = new LongAdder();

  SchemaSupport(final EffectiveModelContext modelContext) {
    this.modelContext = modelContext;
    this.tree = DataSchemaContextTree.from(modelContext);
  }

  EffectiveModelContext modelContext() {
    return modelContext;
  }

  DataSchemaContextTree tree() {
    return tree;
  }

  void visit() {
    visited.increment();
  }

  long visitedCount() {
    return visited.sum();
  }

  void resetVisited() {
    visited.reset();
  }

  /**
   * The data children of a container-like schema node in document order: keys first, choices
   * flattened.
   */
  List<QName> childOrder(final DataSchemaNode schema) {
    return childOrder.computeIfAbsent(
        schema,
        s -> {
          final Set<QName> out = new LinkedHashSet<>();
          if (s instanceof ListSchemaNode list) {
            out.addAll(list.getKeyDefinition());
          }
          if (s instanceof DataNodeContainer container) {
            flatten(container.getChildNodes(), out);
          }
          return List.copyOf(out);
        });
  }

  private static void flatten(
      final Collection<? extends DataSchemaNode> nodes, final Set<QName> out) {
    for (DataSchemaNode child : nodes) {
      if (child instanceof ChoiceSchemaNode choice) {
        for (CaseSchemaNode caze : choice.getCases()) {
          flatten(caze.getChildNodes(), out);
        }
      } else {
        out.add(child.getQName());
      }
    }
  }

  /** The prefix a module declares for itself, used for canonical identityref and name() strings. */
  String prefixOf(final QNameModule module) {
    return prefixes.computeIfAbsent(
        module, m -> modelContext.findModule(m).map(Module::getPrefix).orElse(""));
  }

  Optional<IdentitySchemaNode> identity(final QName name) {
    return identities.computeIfAbsent(
        name,
        q ->
            modelContext
                .findModule(q.getModule())
                .flatMap(
                    m ->
                        m.getIdentities().stream()
                            .filter(i -> i.getQName().equals(q))
                            .findFirst()
                            .map(IdentitySchemaNode.class::cast)));
  }

  /**
   * Modules whose own prefix is {@code prefix}; used to read canonical identityref strings back.
   */
  List<Module> modulesWithPrefix(final String prefix) {
    final List<Module> out = new ArrayList<>();
    for (Module m : modelContext.getModules()) {
      if (m.getPrefix().equals(prefix)) {
        out.add(m);
      }
    }
    return out;
  }
}
