package io.yamano.onboarding.mapping;

import io.yamano.onboarding.source.SourceNode;
import java.util.List;

/**
 * ETSI SOL001 TOSCA VNFDs. Recognised and refused, naming the node templates found, so that an
 * operator knows what the package holds and that no partial descriptor was stored.
 */
public final class ToscaConverter {
  private final DeviationLog log;

  public ToscaConverter(DeviationLog log, java.util.Map<String, byte[]> packageFiles) {
    this.log = log;
  }

  public List<SourceNode> convert(SourceNode root) {
    var templates =
        root.child("topology_template")
            .map(t -> t.child("node_templates").map(SourceNode::children).orElse(List.of()))
            .orElse(List.of());
    log.refuse(
        "/topology_template",
        "",
        "SOL001 TOSCA ("
            + root.textOf("tosca_definitions_version").orElse("?")
            + ", node templates "
            + templates.stream().map(SourceNode::name).toList()
            + "): conversion to SOL006 is not implemented");
    return List.of();
  }
}
