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
 * @param pathInfo {@code error-info} elements whose value is an instance identifier, rendered with
 *     prefixes like the error-path (e.g. {@code non-unique}, RFC 7950 §15.1)
 */
public record RpcError(
    ErrorType type,
    ErrorTag tag,
    Optional<String> appTag,
    Optional<YangInstanceIdentifier> path,
    String message,
    Map<String, String> info,
    java.util.List<PathInfo> pathInfo) {

  /**
   * An {@code error-info} child holding an instance identifier.
   *
   * @param namespace the element's namespace
   * @param name the element's local name
   * @param path the instance identifier
   */
  public record PathInfo(String namespace, String name, YangInstanceIdentifier path) {}

  public RpcError(
      ErrorType type,
      ErrorTag tag,
      Optional<String> appTag,
      Optional<YangInstanceIdentifier> path,
      String message,
      Map<String, String> info) {
    this(type, tag, appTag, path, message, info, java.util.List.of());
  }

  public RpcError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(appTag, "appTag");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    info = Map.copyOf(info);
    pathInfo = java.util.List.copyOf(pathInfo);
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
    return new RpcError(type, tag, appTag, path, message, merged, pathInfo);
  }

  /** A copy of this error with one more instance-identifier {@code error-info} element. */
  public RpcError withPathInfo(String namespace, String name, YangInstanceIdentifier value) {
    var merged = new java.util.ArrayList<>(pathInfo);
    merged.add(new PathInfo(namespace, name, value));
    return new RpcError(type, tag, appTag, path, message, info, merged);
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
