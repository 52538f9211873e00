package io.yamano.onboarding.mapping;

import io.yamano.onboarding.source.SourceNode;
import java.util.List;

/**
 * OSM's information model before SOL006 ({@code vnfd:vnfd-catalog}, {@code nsd:nsd-catalog}). It is
 * recognised and refused with a pointer to the way out: its structure (VDU interfaces, {@code
 * vm-flavor}, {@code constituent-vnfd}, {@code vld}) differs from SOL006 in kind, not in names, and
 * a guess would break the promise that every change is reported precisely.
 */
public final class OsmImConverter {
  private final DeviationLog log;

  public OsmImConverter(DeviationLog log) {
    this.log = log;
  }

  public List<SourceNode> convert(SourceNode root) {
    for (var catalog : root.children()) {
      int count = catalog.all(catalog.name().replace("-catalog", "")).size();
      log.refuse(
          "/" + catalog.name(),
          "",
          "OSM's pre-SOL006 information model (_im) with "
              + count
              + " descriptor(s): Yamano does not convert it; translate it to SOL006 with OSM's"
              + " own converter (osm-im, osmclient 'package-translate') and onboard the result");
    }
    return List.of();
  }
}
