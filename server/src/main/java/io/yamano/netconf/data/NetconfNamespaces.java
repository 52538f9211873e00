package io.yamano.netconf.data;

/** XML namespaces the data codecs read and write. */
public final class NetconfNamespaces {
  /** The NETCONF base namespace (RFC 6241 §3.1), home of the {@code operation} attribute. */
  public static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";

  /**
   * The YANG XML namespace (RFC 7950 §5.3.1), home of {@code insert}, {@code key} and {@code value}
   * (RFC 7950 §7.8.6, §7.7.9).
   */
  public static final String YANG = "urn:ietf:params:xml:ns:yang:1";

  /** The with-defaults namespace of the {@code default} attribute (RFC 6243 §6). */
  public static final String WITH_DEFAULTS = "urn:ietf:params:xml:ns:netconf:default:1.0";

  private NetconfNamespaces() {}
}
