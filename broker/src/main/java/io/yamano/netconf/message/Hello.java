package io.yamano.netconf.message;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A {@code <hello>} message (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.1">RFC 6241
 * §8.1</a>).
 *
 * @param capabilities the capability URIs, in the order announced
 * @param sessionId the session-id (present in a server's hello only)
 */
public record Hello(List<String> capabilities, OptionalLong sessionId) {
  /** Largest session-id (the type is uint32, RFC 6241 §8.1 and ietf-netconf). */
  public static final long MAX_SESSION_ID = 4_294_967_295L;

  public Hello {
    capabilities = List.copyOf(capabilities);
    if (capabilities.isEmpty()) {
      throw new IllegalArgumentException("a hello announces at least one capability");
    }
    sessionId.ifPresent(
        id -> {
          if (id < 1 || id > MAX_SESSION_ID) {
            throw new IllegalArgumentException("session-id out of range: " + id);
          }
        });
  }

  /** A client's hello (no session-id). */
  public static Hello client(List<String> capabilities) {
    return new Hello(capabilities, OptionalLong.empty());
  }

  /** A server's hello. */
  public static Hello server(List<String> capabilities, long sessionId) {
    return new Hello(capabilities, OptionalLong.of(sessionId));
  }

  /** True if {@code capability} is announced (compared without its query part). */
  public boolean has(String capability) {
    for (String c : capabilities) {
      int q = c.indexOf('?');
      if ((q < 0 ? c : c.substring(0, q)).equals(capability)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a hello from a parsed message.
   *
   * @throws BadEnvelopeException if the root is not a base-namespace {@code <hello>}, it has no
   *     capability, or its session-id is not a positive uint32
   */
  public static Hello parse(XmlElement root) throws BadEnvelopeException {
    if (!root.is(NetconfNamespaces.BASE, "hello")) {
      throw BadEnvelopeException.of(
          ErrorType.PROTOCOL,
          ErrorTag.UNKNOWN_ELEMENT,
          "expected <hello> in " + NetconfNamespaces.BASE + ", got " + root.name(),
          Map.of("bad-element", root.localName()));
    }
    List<String> capabilities = new ArrayList<>();
    root.child(NetconfNamespaces.BASE, "capabilities")
        .ifPresent(
            caps -> {
              for (XmlElement c : caps.children(NetconfNamespaces.BASE, "capability")) {
                String uri = c.trimmedText();
                if (!uri.isEmpty()) {
                  capabilities.add(uri);
                }
              }
            });
    if (capabilities.isEmpty()) {
      throw BadEnvelopeException.of(
          ErrorType.PROTOCOL,
          ErrorTag.MISSING_ELEMENT,
          "hello without capabilities",
          Map.of("bad-element", "capability"));
    }
    var id = root.child(NetconfNamespaces.BASE, "session-id");
    if (id.isEmpty()) {
      return new Hello(capabilities, OptionalLong.empty());
    }
    String text = id.get().trimmedText();
    try {
      long value = Long.parseLong(text);
      if (value >= 1 && value <= MAX_SESSION_ID) {
        return new Hello(capabilities, OptionalLong.of(value));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw BadEnvelopeException.of(
        ErrorType.PROTOCOL,
        ErrorTag.INVALID_VALUE,
        "session-id is not a positive 32-bit number: " + text,
        Map.of("bad-element", "session-id"));
  }
}
