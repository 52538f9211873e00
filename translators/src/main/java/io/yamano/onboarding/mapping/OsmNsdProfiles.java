package io.yamano.onboarding.mapping;

import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.source.ScalarKind;
import io.yamano.onboarding.source.SourceNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * OSM's NSDs connect VNF profiles straight to virtual link descriptors: {@code
 * virtual-link-connectivity/virtual-link-profile-id} names a {@code virtual-link-desc}, and the
 * flavour has no {@code virtual-link-profile}. SOL006 needs the profile (and the profile a flavour
 * of the link). For each such reference this adds a profile of the same id for the link, and a
 * flavour {@code default} for a link that has none; each addition is reported as defaulted.
 */
final class OsmNsdProfiles {
  private static final String DEFAULT_FLAVOUR = "default";

  private OsmNsdProfiles() {}

  static SourceNode apply(SourceNode nsd, String path, DeviationLog log) {
    var links = new ArrayList<>(nsd.all("virtual-link-desc"));
    var linkIds = links.stream().map(l -> l.textOf("id").orElse("")).toList();
    var children = new ArrayList<SourceNode>();
    var flavoursAdded = new LinkedHashSet<String>();
    for (var child : nsd.children()) {
      if (!child.name().equals("df")) {
        children.add(child);
        continue;
      }
      var df = child;
      var have =
          df.all("virtual-link-profile").stream().map(p -> p.textOf("id").orElse("")).toList();
      var wanted = new LinkedHashSet<String>();
      for (var profile : df.all("vnf-profile")) {
        for (var connectivity : profile.all("virtual-link-connectivity")) {
          connectivity.textOf("virtual-link-profile-id").ifPresent(wanted::add);
        }
      }
      String dfPath = path + "/df[id='" + df.textOf("id").orElse("") + "']";
      for (var id : wanted) {
        int link = linkIds.indexOf(id);
        if (have.contains(id) || link < 0) {
          continue;
        }
        var flavours = links.get(link).all("df");
        String flavour =
            flavours.isEmpty()
                ? DEFAULT_FLAVOUR
                : flavours.get(0).textOf("id").orElse(DEFAULT_FLAVOUR);
        if (flavours.isEmpty()) {
          flavoursAdded.add(id);
        }
        var profile =
            SourceNode.entry(
                "virtual-link-profile",
                List.of(
                    SourceNode.leaf("id", id, ScalarKind.UNTYPED),
                    SourceNode.leaf("virtual-link-desc-id", id, ScalarKind.UNTYPED),
                    SourceNode.leaf("flavour-id", flavour, ScalarKind.UNTYPED)));
        log.add(
            dfPath + "/virtual-link-profile[id='" + id + "']",
            DeviationKind.DEFAULTED,
            "",
            profile.render(),
            "virtual-link-connectivity names "
                + id
                + " as OSM does (a virtual-link-desc); SOL006 needs a virtual-link-profile:"
                + " the documented default is a profile of the same id for that link");
        df = df.plus(profile);
      }
      children.add(df);
    }
    var result = new ArrayList<SourceNode>();
    for (var child : children) {
      if (child.name().equals("virtual-link-desc")
          && flavoursAdded.contains(child.textOf("id").orElse(""))) {
        var flavour =
            SourceNode.entry(
                "df", List.of(SourceNode.leaf("id", DEFAULT_FLAVOUR, ScalarKind.UNTYPED)));
        log.add(
            path
                + "/virtual-link-desc[id='"
                + child.textOf("id").orElse("")
                + "']/df[id='default']",
            DeviationKind.DEFAULTED,
            "",
            flavour.render(),
            "a virtual-link-profile needs a flavour of its link; the documented default is a"
                + " flavour \"default\" without QoS");
        child = child.plus(flavour);
      }
      result.add(child);
    }
    return nsd.withChildren(result);
  }
}
