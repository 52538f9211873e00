package io.yamano.onboarding;

/** The descriptor formats onboarding reads. */
public enum DescriptorFormat {
  /** ETSI SOL006 (v2.6.1 to v4.3.1) or Yamano XML. */
  SOL006_XML("sol006-xml"),
  /** ETSI SOL006 or Yamano RFC 7951 JSON (module-qualified top level). */
  SOL006_JSON("sol006-json"),
  /** OSM's SOL006 YAML: unprefixed top level, OSM augment nodes, loose scalar types. */
  OSM_SOL006_YAML("osm-sol006-yaml"),
  /** OSM's information model before SOL006 ({@code vnfd:vnfd-catalog}, {@code nsd:nsd-catalog}). */
  OSM_IM_YAML("osm-im-yaml"),
  /** ETSI SOL001 TOSCA service template (best effort). */
  SOL001_TOSCA("sol001-tosca"),
  /** Not recognised. */
  UNKNOWN("unknown");

  private final String yangName;

  DescriptorFormat(String yangName) {
    this.yangName = yangName;
  }

  /** The enum value in module {@code yamano-packages}. */
  public String yangName() {
    return yangName;
  }
}
