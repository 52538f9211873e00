package io.yamano.onboarding.mapping;

import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.source.ScalarKind;
import io.yamano.onboarding.source.SourceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;

/**
 * Walks an input tree along Yamano's schema, node by node: what the schema has is type-checked and
 * copied, what it lacks is rewritten ({@link LegacyForms}), kept as a vendor extension or refused,
 * and missing mandatory nodes get a {@link Defaults documented default} or a refusal.
 */
public final class SchemaMapper {
  private final DeviationLog log;
  private final Values values;
  private final Defaults defaults = new Defaults();
  private final boolean typed;
  private final Set<String> ownModules;
  private final ContainerSchemaNode nfv;

  /**
   * @param typed whether scalars carry JSON/YAML types that must match YANG's
   * @param ownModules namespaces and module names whose nodes are SOL006 nodes (any other qualifier
   *     marks an augment)
   */
  public SchemaMapper(
      EffectiveModelContext context, DeviationLog log, boolean typed, Set<String> ownModules) {
    this.log = log;
    this.values = new Values(context);
    this.typed = typed;
    this.ownModules = ownModules;
    this.nfv =
        (ContainerSchemaNode)
            context.findDataTreeChild(QName.create(Sol006.NFV_MODULE, "nfv")).orElseThrow();
  }

  /**
   * Maps descriptors (entries of {@code vnfd}, {@code nsd} or {@code pnfd}) into one {@code nfv}
   * container.
   */
  public MappedDocument map(List<SourceNode> descriptors) {
    var root = OutNode.container("nfv");
    var ids = new ArrayList<MappedDocument.DescriptorId>();
    var byKind = new LinkedHashMap<String, List<SourceNode>>();
    for (var descriptor : descriptors) {
      byKind.computeIfAbsent(descriptor.name(), k -> new ArrayList<>()).add(descriptor);
    }
    for (var entry : byKind.entrySet()) {
      var schema = nfv.dataChildByName(QName.create(Sol006.NFV_MODULE, entry.getKey()));
      if (!(schema instanceof ListSchemaNode list)) {
        log.refuse("/" + entry.getKey(), "", "not a descriptor: expected vnfd, nsd or pnfd");
        continue;
      }
      int before = root.children.size();
      mapList(list, entry.getValue(), root, "/nfv", entry.getKey(), false);
      for (var mapped : root.children.subList(before, root.children.size())) {
        ids.add(new MappedDocument.DescriptorId(entry.getKey(), mapped.text("id").orElse("")));
      }
    }
    var xml = new StringBuilder();
    root.writeXml(xml, Sol006.NFV_MODULE.namespace().toString());
    return new MappedDocument(xml.toString(), ids);
  }

  private void mapChildren(
      DataNodeContainer schema, SourceNode source, OutNode out, String path, String key) {
    var node = LegacyForms.apply(key, source, path, log);
    var groups = new LinkedHashMap<String, List<SourceNode>>();
    for (var child : node.children()) {
      groups.computeIfAbsent(child.name(), k -> new ArrayList<>()).add(child);
    }
    for (var group : groups.entrySet()) {
      var first = group.getValue().get(0);
      String childPath = path + "/" + group.getKey();
      String childKey = key + "/" + group.getKey();
      DataSchemaNode child = null;
      if (first.module().isEmpty() || ownModules.contains(first.module())) {
        child =
            schema.findDataTreeChild(QName.create(Sol006.NFV_MODULE, group.getKey())).orElse(null);
      }
      if (child == null) {
        unknown(group.getValue(), childPath, first.module());
      } else if (!child.effectiveConfig().orElse(Boolean.TRUE)) {
        log.add(
            childPath,
            DeviationKind.DROPPED,
            render(group.getValue()),
            "",
            "state data (config false) has no place in a descriptor");
      } else if (child instanceof LeafSchemaNode leaf) {
        mapLeaf(leaf, group.getValue(), out, childPath, childKey);
      } else if (child instanceof LeafListSchemaNode leafList) {
        mapLeafList(leafList, group.getValue(), out, childPath);
      } else if (child instanceof ContainerSchemaNode container) {
        mapContainer(container, group.getValue(), out, childPath, childKey);
      } else if (child instanceof ListSchemaNode list) {
        mapList(list, group.getValue(), out, path, childKey, typed);
      } else {
        unknown(group.getValue(), childPath, first.module());
      }
    }
    checkMandatory(schema, out, path, key);
  }

  private void unknown(List<SourceNode> nodes, String path, String module) {
    String reason =
        module.isEmpty() || ownModules.contains(module)
            ? "no such node in SOL006 v4.3.1 here"
            : "node of module " + module + ", an augment Yamano's SOL006 model does not have";
    log.add(
        path,
        DeviationKind.KEPT_AS_EXTENSION,
        render(nodes),
        "",
        reason + "; kept with the package as a vendor extension");
  }

  private static String render(List<SourceNode> nodes) {
    if (nodes.size() == 1 && !nodes.get(0).inSequence()) {
      return nodes.get(0).render();
    }
    var out = new StringBuilder("[");
    for (int i = 0; i < nodes.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(nodes.get(i).render());
    }
    return out.append(']').toString();
  }

  private void mapLeaf(
      LeafSchemaNode leaf, List<SourceNode> nodes, OutNode out, String path, String key) {
    if (nodes.size() > 1) {
      log.refuse(path, render(nodes), "a single-valued leaf is given " + nodes.size() + " times");
      return;
    }
    var node = nodes.get(0);
    if (!node.isScalar()) {
      if (typed && node.inSequence() && node.children().isEmpty()) {
        log.refuse(path, render(nodes), "a list where a single value is expected");
        return;
      }
      invalidLeaf(leaf, out, path, key, node.render(), "a structure where a value is expected");
      return;
    }
    if (typed && node.inSequence()) {
      log.add(
          path,
          DeviationKind.COERCED,
          render(nodes),
          node.text().orElse(""),
          "a one-entry list where a single value is expected");
    }
    var coercion = values.fit(leaf.getType(), node.text().orElse(""), node.kind(), typed);
    if (!(coercion instanceof Coercion.Invalid invalid)) {
      add(out, leaf.getQName().getLocalName(), node, coercion, path);
    } else {
      invalidLeaf(leaf, out, path, key, node.text().orElse(""), invalid.reason());
    }
  }

  private void add(OutNode out, String name, SourceNode node, Coercion coercion, String path) {
    String before = node.text().orElse("");
    if (coercion instanceof Coercion.Fits fits) {
      out.add(OutNode.leaf(name, fits.lexical(), fits.namespace()));
    } else if (coercion instanceof Coercion.Mapped mapped) {
      log.add(path, DeviationKind.MAPPED, before, mapped.lexical(), mapped.reason());
      out.add(OutNode.leaf(name, mapped.lexical(), mapped.namespace()));
    } else if (coercion instanceof Coercion.Changed changed) {
      log.add(path, DeviationKind.COERCED, before, changed.lexical(), changed.reason());
      out.add(OutNode.leaf(name, changed.lexical(), changed.namespace()));
    }
  }

  private void invalidLeaf(
      LeafSchemaNode leaf, OutNode out, String path, String key, String before, String reason) {
    if (leaf.isMandatory()) {
      var fallback = defaults.leaf(key, out);
      if (fallback.isPresent()) {
        String value = fallback.get().values().get(0);
        log.add(
            path,
            DeviationKind.DEFAULTED,
            before,
            value,
            reason + "; mandatory, so " + fallback.get().reason());
        addDefault(leaf, out, value, path);
        return;
      }
      log.refuse(path, before, reason + "; the leaf is mandatory");
      return;
    }
    log.add(path, DeviationKind.DROPPED, before, "", reason);
  }

  private void addDefault(TypedDataSchemaNode leaf, OutNode out, String value, String path) {
    var coercion = values.fit(leaf.getType(), value, ScalarKind.UNTYPED, false);
    if (coercion instanceof Coercion.Fits fits) {
      out.add(OutNode.leaf(leaf.getQName().getLocalName(), fits.lexical(), fits.namespace()));
    } else {
      throw new IllegalStateException("default " + value + " does not fit " + path);
    }
  }

  private void mapLeafList(
      LeafListSchemaNode leafList, List<SourceNode> nodes, OutNode out, String path) {
    if (typed && nodes.size() == 1 && !nodes.get(0).inSequence() && nodes.get(0).isScalar()) {
      log.add(
          path,
          DeviationKind.COERCED,
          nodes.get(0).text().orElse(""),
          "[" + nodes.get(0).text().orElse("") + "]",
          "a single value where a leaf-list (an array, RFC 7951 §5.3) is expected");
    }
    var seen = new java.util.HashSet<String>();
    for (var node : nodes) {
      String entryPath = path + "[.='" + node.text().orElse("") + "']";
      if (!node.isScalar()) {
        log.add(entryPath, DeviationKind.DROPPED, node.render(), "", "a structure in a leaf-list");
        continue;
      }
      var coercion = values.fit(leafList.getType(), node.text().orElse(""), node.kind(), typed);
      if (coercion instanceof Coercion.Invalid invalid) {
        log.add(entryPath, DeviationKind.DROPPED, node.text().orElse(""), "", invalid.reason());
        continue;
      }
      String lexical = lexical(coercion);
      if (!seen.add(lexical)) {
        log.add(
            entryPath,
            DeviationKind.DROPPED,
            node.text().orElse(""),
            "",
            "duplicate leaf-list value (RFC 7950 §7.7: values are unique)");
        continue;
      }
      add(out, leafList.getQName().getLocalName(), node, coercion, entryPath);
    }
  }

  private static String lexical(Coercion coercion) {
    if (coercion instanceof Coercion.Fits fits) {
      return fits.lexical();
    } else if (coercion instanceof Coercion.Mapped mapped) {
      return mapped.lexical();
    } else if (coercion instanceof Coercion.Changed changed) {
      return changed.lexical();
    }
    return "";
  }

  private void mapContainer(
      ContainerSchemaNode container, List<SourceNode> nodes, OutNode out, String path, String key) {
    if (nodes.size() > 1) {
      log.refuse(path, render(nodes), "a container is given " + nodes.size() + " times");
      return;
    }
    var node = nodes.get(0);
    if (typed && node.inSequence()) {
      log.add(
          path,
          DeviationKind.COERCED,
          render(nodes),
          node.render(),
          "a one-entry list where a container is expected");
    }
    var child = OutNode.container(container.getQName().getLocalName());
    if (node.isScalar()) {
      boolean empty = node.kind() == ScalarKind.NULL || node.text().orElse("").isEmpty();
      if (!empty) {
        log.add(
            path,
            DeviationKind.DROPPED,
            node.render(),
            "",
            "a value where a container is expected");
        return;
      }
      checkMandatory(container, child, path, key);
    } else {
      mapChildren(container, node, child, path, key);
    }
    if (container.isPresenceContainer() || !child.children.isEmpty()) {
      out.add(child);
    }
  }

  private void mapList(
      ListSchemaNode list,
      List<SourceNode> nodes,
      OutNode out,
      String parentPath,
      String key,
      boolean checkSequence) {
    String name = list.getQName().getLocalName();
    if (checkSequence && nodes.size() == 1 && !nodes.get(0).inSequence()) {
      log.add(
          parentPath + "/" + name,
          DeviationKind.COERCED,
          "",
          "",
          "an object where a list (an array, RFC 7951 §5.4) is expected; taken as a one-entry"
              + " list");
    }
    var seenKeys = new java.util.HashSet<String>();
    for (var node : nodes) {
      if (node.isScalar()) {
        log.add(
            parentPath + "/" + name,
            DeviationKind.DROPPED,
            node.render(),
            "",
            "a value where a list entry is expected");
        continue;
      }
      var predicate = new StringBuilder();
      boolean keyMissing = false;
      for (QName keyName : list.getKeyDefinition()) {
        var keyText = node.textOf(keyName.getLocalName());
        if (keyText.isEmpty()) {
          keyMissing = true;
        }
        predicate
            .append('[')
            .append(keyName.getLocalName())
            .append("='")
            .append(keyText.orElse(""))
            .append("']");
      }
      String path = parentPath + "/" + name + predicate;
      if (keyMissing) {
        log.refuse(
            path,
            node.render(),
            "a list entry without its key "
                + list.getKeyDefinition().stream().map(QName::getLocalName).toList());
        continue;
      }
      if (!seenKeys.add(predicate.toString())) {
        log.add(
            path,
            DeviationKind.DROPPED,
            node.render(),
            "",
            "another entry has the same key "
                + predicate
                + " (SOL006 v4.3.1 keys "
                + name
                + " by "
                + list.getKeyDefinition().stream().map(QName::getLocalName).toList()
                + "); the first one is kept");
        continue;
      }
      var entry = OutNode.container(name);
      mapChildren(list, node, entry, path, key);
      out.add(entry);
    }
  }

  /** Missing mandatory nodes of an instance (RFC 7950 §3: mandatory, min-elements). */
  private void checkMandatory(DataNodeContainer schema, OutNode out, String path, String key) {
    checkMandatory(schema, out, path, key, true);
  }

  /**
   * @param exists whether {@code out} is a node that exists in the data, or a non-presence
   *     container implied by it (RFC 7950 §7.7.5: min-elements is enforced through non-presence
   *     containers, as the datastore does)
   */
  private void checkMandatory(
      DataNodeContainer schema, OutNode out, String path, String key, boolean exists) {
    for (var child : schema.getChildNodes()) {
      if (!child.effectiveConfig().orElse(Boolean.TRUE)) {
        continue;
      }
      String name = child.getQName().getLocalName();
      String childPath = path + "/" + name;
      String childKey = key + "/" + name;
      if (child instanceof LeafSchemaNode leaf) {
        if (leaf.isMandatory() && out.child(name).isEmpty()) {
          var fallback = defaults.leaf(childKey, out);
          if (fallback.isPresent()) {
            String value = fallback.get().values().get(0);
            log.add(
                childPath,
                DeviationKind.DEFAULTED,
                "",
                value,
                "mandatory leaf missing; " + fallback.get().reason());
            addDefault(leaf, out, value, childPath);
          } else {
            log.refuse(childPath, "", "mandatory leaf missing (RFC 7950 §7.6.5)");
          }
        }
      } else if (child instanceof LeafListSchemaNode leafList) {
        int min = minElements(leafList);
        if (exists && min > 0 && out.all(name).size() < min) {
          var fallback = defaults.leaf(childKey, out);
          if (fallback.isPresent()) {
            log.add(
                childPath,
                DeviationKind.DEFAULTED,
                "",
                String.join(", ", fallback.get().values()),
                "at least "
                    + min
                    + " value(s) required (min-elements); "
                    + fallback.get().reason());
            for (var value : fallback.get().values()) {
              addDefault(leafList, out, value, childPath);
            }
          } else {
            log.refuse(childPath, "", "at least " + min + " value(s) required (min-elements)");
          }
        }
      } else if (child instanceof ListSchemaNode list) {
        int min = minElements(list);
        if (exists && min > 0 && out.all(name).size() < min) {
          var fallback = defaults.entries(childKey, out);
          if (fallback.isPresent()) {
            log.add(
                childPath,
                DeviationKind.DEFAULTED,
                "",
                render(fallback.get().entries()),
                "at least "
                    + min
                    + " entry(ies) required (min-elements); "
                    + fallback.get().reason());
            mapList(list, fallback.get().entries(), out, path, childKey, false);
          } else {
            log.refuse(childPath, "", "at least " + min + " entry(ies) required (min-elements)");
          }
        }
      } else if (child instanceof ContainerSchemaNode container) {
        if (!container.isPresenceContainer() && out.child(name).isEmpty()) {
          var implicit = OutNode.container(name);
          checkMandatory(container, implicit, childPath, childKey, exists);
          if (!implicit.children.isEmpty()) {
            out.add(implicit);
          }
        }
      } else if (child instanceof ChoiceSchemaNode choice) {
        Optional<? extends CaseSchemaNode> active =
            choice.getCases().stream()
                .filter(
                    c ->
                        c.getChildNodes().stream()
                            .anyMatch(n -> out.child(n.getQName().getLocalName()).isPresent()))
                .findFirst();
        if (active.isPresent()) {
          checkMandatory(active.get(), out, path, key, exists);
        } else if (choice.isMandatory()) {
          log.refuse(
              path + "/" + name,
              "",
              "mandatory choice "
                  + name
                  + ": one of "
                  + choice.getCases().stream().map(c -> c.getQName().getLocalName()).toList()
                  + " is required");
        }
      }
    }
  }

  private static int minElements(ElementCountConstraintAware node) {
    return node.getElementCountConstraint()
        .map(c -> c.getMinElements() == null ? 0 : c.getMinElements())
        .orElse(0);
  }
}
