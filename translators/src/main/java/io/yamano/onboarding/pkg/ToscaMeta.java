package io.yamano.onboarding.pkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code TOSCA-Metadata/TOSCA.meta} (TOSCA Simple Profile in YAML §4.2, SOL004 §4.2): the first
 * block names the entry definitions, manifest and certificate; later blocks ({@code Name:}) may
 * describe artifacts, with {@code Algorithm} and {@code Hash} in Tacker's packages.
 *
 * @param keys the first block
 * @param artifacts the {@code Name} blocks
 */
public record ToscaMeta(Map<String, String> keys, List<Map<String, String>> artifacts) {
  public static final String PATH = "TOSCA-Metadata/TOSCA.meta";

  public static ToscaMeta parse(byte[] bytes) {
    var blocks = new ArrayList<Map<String, String>>();
    var current = new LinkedHashMap<String, String>();
    for (String raw : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        if (!current.isEmpty()) {
          blocks.add(current);
          current = new LinkedHashMap<>();
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        current.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    if (blocks.isEmpty()) {
      return new ToscaMeta(Map.of(), List.of());
    }
    return new ToscaMeta(blocks.get(0), List.copyOf(blocks.subList(1, blocks.size())));
  }

  public Optional<String> entryDefinitions() {
    return Optional.ofNullable(keys.get("Entry-Definitions"));
  }

  public Optional<String> entryManifest() {
    return Optional.ofNullable(keys.get("ETSI-Entry-Manifest"));
  }

  public Optional<String> entryCertificate() {
    return Optional.ofNullable(keys.get("ETSI-Entry-Certificate"));
  }
}
