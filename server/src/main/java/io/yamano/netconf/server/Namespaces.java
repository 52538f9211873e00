package io.yamano.netconf.server;

/** Namespaces and capability URIs of the operations this package serves. */
final class Namespaces {
  /** The NETCONF base namespace (RFC 6241 §3.1). */
  static final String BASE = io.yamano.netconf.message.NetconfNamespaces.BASE;

  /** ietf-netconf-with-defaults (RFC 6243 §5): the {@code with-defaults} parameter. */
  static final String WITH_DEFAULTS = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults";

  /** ietf-netconf-monitoring (RFC 6022 §5). */
  static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";

  /** ietf-netconf-nmda (RFC 8526 §3). */
  static final String NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda";

  /** ietf-datastores (RFC 8342 §7). */
  static final String DATASTORES = "urn:ietf:params:xml:ns:yang:ietf-datastores";

  /** ietf-yang-library (RFC 8525 §4). */
  static final String YANG_LIBRARY = "urn:ietf:params:xml:ns:yang:ietf-yang-library";

  private Namespaces() {}
}
