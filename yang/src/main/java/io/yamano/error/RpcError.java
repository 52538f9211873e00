package io.yamano.error;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * One error in the NETCONF sense (RFC 6241 §4.3): raised where the fault is found and rendered by
 * every front end in its own syntax ({@code <rpc-error>}, RESTCONF errors body, CLI line).
 *
 * @param type the layer ({@code error-type})
 * @param tag the {@code error-tag}
 * @param appTag the {@code error-app-tag} (RFC 7950 §15 and §8.3.1 values), or empty
 * @param path the data node the error is about ({@code error-path}), or empty
 * @param message the human-readable {@code error-message}
 * @param info extra {@code error-info} elements by local name ({@code bad-element}, {@code
 *     session-id} ...)
 */
public record RpcError(
    ErrorType type,
    ErrorTag tag,
    Optional<String> appTag,
    Optional<YangInstanceIdentifier> path,
    String message,
    Map<String, String> info) {

  public RpcError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(appTag, "appTag");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    info = Map.copyOf(info);
  }

  /** An application-layer error about a data node. */
  public static RpcError application(
      ErrorTag tag, String appTag, YangInstanceIdentifier path, String message) {
    return new RpcError(
        ErrorType.APPLICATION,
        tag,
        Optional.ofNullable(appTag),
        Optional.ofNullable(path),
        message,
        Map.of());
  }

  /** A protocol-layer error without a data path. */
  public static RpcError protocol(ErrorTag tag, String message) {
    return new RpcError(
        ErrorType.PROTOCOL, tag, Optional.empty(), Optional.empty(), message, Map.of());
  }

  /** A copy of this error with one more {@code error-info} element. */
  public RpcError withInfo(String name, String value) {
    var merged = new java.util.LinkedHashMap<>(info);
    merged.put(name, value);
    return new RpcError(type, tag, appTag, path, message, merged);
  }

  @Override
  public String toString() {
    return tag.xmlName()
        + appTag.map(a -> " (" + a + ")").orElse("")
        + path.map(p -> " at " + p).orElse("")
        + ": "
        + message;
  }
}
