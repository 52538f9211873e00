package io.yamano.vim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a compute resource may go. Every part is optional: a {@code null} zone or host lets the VIM
 * choose; {@code requiredAttributes} must all be offered by the zone (zone attributes override the
 * account's); every {@link AffinityRule} is honoured or the request is refused.
 */
public record Placement(
    String zone, String host, List<AffinityRule> affinity, Map<String, String> requiredAttributes) {

  /** Anywhere the account offers. */
  public static final Placement ANYWHERE = new Placement(null, null, List.of(), Map.of());

  public Placement {
    affinity = List.copyOf(Objects.requireNonNullElse(affinity, List.of()));
    requiredAttributes = Map.copyOf(Objects.requireNonNullElse(requiredAttributes, Map.of()));
  }

  public static Placement inZone(String zone) {
    return new Placement(zone, null, List.of(), Map.of());
  }

  public static Placement onHost(String host) {
    return new Placement(null, host, List.of(), Map.of());
  }

  public Placement withZone(String value) {
    return new Placement(value, host, affinity, requiredAttributes);
  }

  public Placement withHost(String value) {
    return new Placement(zone, value, affinity, requiredAttributes);
  }

  public Placement withRule(AffinityRule rule) {
    var rules = new java.util.ArrayList<>(affinity);
    rules.add(rule);
    return new Placement(zone, host, rules, requiredAttributes);
  }

  public Placement withAttributes(Map<String, String> value) {
    return new Placement(zone, host, affinity, value);
  }
}
