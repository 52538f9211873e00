package io.yamano.netconf.message;

/** Namespace and capability URIs of the NETCONF base protocol. */
public final class NetconfNamespaces {
  /** The base namespace of every NETCONF protocol element (RFC 6241 §3.1). */
  public static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";

  /** The base:1.0 capability, end-of-message framing (RFC 6241 §8.1). */
  public static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";

  /** The base:1.1 capability, chunked framing once both peers announce it (RFC 6241 §8.1). */
  public static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";

  private NetconfNamespaces() {}
}
