package io.yamano.yang.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.LeafListEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaTreeEffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Every leafref must land on a leaf: a path that resolves to nothing would make the validator
 * refuse every value, and one that resolves elsewhere would accept the wrong ones.
 */
class LeafrefResolutionTest {
  private final EffectiveModelContext context = Models.yamano();

  @Test
  void instanceAndVimReferencesLandWhereIntended() {
    Map<String, String> targets = new TreeMap<>();
    targets.putAll(resolve("yamano-ns"));
    targets.putAll(resolve("yamano-vim"));

    Map<String, String> expected = new TreeMap<>();
    String ns = "/ns-instances/ns-instance/";
    expected.put(ns + "nsd-ref", "/nfv/nsd/id");
    expected.put(ns + "flavour", "/nfv/nsd/df/id");
    expected.put(ns + "instantiation-level", "/nfv/nsd/df/ns-instantiation-level/id");
    expected.put(ns + "vim-account", "/vim-accounts/vim-account/name");
    expected.put(ns + "vnf/member-vnf-index", "/nfv/nsd/df/vnf-profile/id");
    expected.put(ns + "vnf/vim-account", "/vim-accounts/vim-account/name");
    expected.put(ns + "vnf/vnfd-ref", "/nfv/vnfd/id");
    expected.put(ns + "state/vnf-instance/vnfd-id", "/nfv/vnfd/id");
    expected.put(ns + "state/vnf-instance/vim-account", "/vim-accounts/vim-account/name");
    for (String action : List.of("instantiate", "scale", "heal", "terminate", "update")) {
      String step = ns + action + "/output/plan/step/";
      expected.put(step + "depends-on", step + "id");
    }
    expected.put("/lcm-operation-state-change/ns-instance", "/ns-instances/ns-instance/name");
    expected.put(
        "/vim-accounts/vim-account/capacity/zone/name",
        "/vim-accounts/vim-account/placement/zone/name");

    assertEquals(expected, targets);
  }

  @Test
  void everyDescriptorReferenceResolves() {
    Map<String, String> targets = resolve("yamano-nfv");
    assertTrue(targets.size() > 100, "leafrefs found: " + targets.size());
  }

  /** Leafref source → target, both as local-name paths; fails on the first unresolvable one. */
  private Map<String, String> resolve(String moduleName) {
    Module module = context.findModules(moduleName).iterator().next();
    Map<String, String> out = new TreeMap<>();
    SchemaInferenceStack stack = SchemaInferenceStack.of(context);
    for (EffectiveStatement<?, ?> child : module.asEffectiveStatement().effectiveSubstatements()) {
      if (child instanceof SchemaTreeEffectiveStatement<?> node) {
        walk(stack, node, out);
      }
    }
    return out;
  }

  private static void walk(
      SchemaInferenceStack stack, SchemaTreeEffectiveStatement<?> node, Map<String, String> out) {
    stack.enterSchemaTree(node.argument());
    if (node instanceof TypedDataSchemaNode typed
        && typed.getType() instanceof LeafrefTypeDefinition leafref) {
      SchemaInferenceStack copy = stack.copy();
      EffectiveStatement<?, ?> target = copy.resolvePathExpression(leafref.getPathStatement());
      String source = path(stack);
      assertTrue(
          target instanceof LeafEffectiveStatement || target instanceof LeafListEffectiveStatement,
          source + " -> " + target);
      out.put(source, path(copy));
    }
    for (EffectiveStatement<?, ?> child : node.effectiveSubstatements()) {
      if (child instanceof SchemaTreeEffectiveStatement<?> schema) {
        walk(stack, schema, out);
      }
    }
    stack.exit();
  }

  /** Choices and cases are not in data paths, so they are left out as XPath leaves them out. */
  private static String path(SchemaInferenceStack stack) {
    List<String> steps = new ArrayList<>();
    for (QName qname : stack.toSchemaNodeIdentifier().getNodeIdentifiers()) {
      steps.add(qname.getLocalName());
    }
    return "/" + String.join("/", steps);
  }
}
