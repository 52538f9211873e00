package io.yamano.vim.resourceless;

import io.yamano.vim.AffinityRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the members of each affinity group are (created compute and reserved slots alike). Not
 * thread-safe: the VIM guards it.
 */
final class AffinityGroups {

  record Location(String zone, String host) {}

  private final Map<String, Map<Location, Integer>> members = new HashMap<>();

  void join(List<AffinityRule> rules, Location location) {
    for (AffinityRule rule : rules) {
      members.computeIfAbsent(rule.group(), g -> new HashMap<>()).merge(location, 1, Integer::sum);
    }
  }

  void leave(List<AffinityRule> rules, Location location) {
    for (AffinityRule rule : rules) {
      Map<Location, Integer> places = members.get(rule.group());
      if (places != null) {
        places.computeIfPresent(location, (l, n) -> n == 1 ? null : n - 1);
        if (places.isEmpty()) {
          members.remove(rule.group());
        }
      }
    }
  }

  Set<String> hosts(String group) {
    return members.getOrDefault(group, Map.of()).keySet().stream()
        .map(Location::host)
        .collect(Collectors.toSet());
  }

  Set<String> zones(String group) {
    return members.getOrDefault(group, Map.of()).keySet().stream()
        .map(Location::zone)
        .collect(Collectors.toSet());
  }

  void clear() {
    members.clear();
  }
}
