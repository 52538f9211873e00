package io.yamano.restconf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One RESTCONF request as the resources see it: who asked, what, and the body; independent of the
 * HTTP server.
 *
 * @param method the HTTP method, upper case
 * @param segments the raw (still percent-encoded) path steps after the resource's prefix
 * @param query the checked query parameters
 * @param headers request headers by lower-case name
 * @param body the request body (empty when none was sent)
 * @param user the authenticated user
 * @param uri the request path as sent, for commit comments and Location headers
 * @param origin {@code scheme://host:port} as the client addressed the server
 */
record Exchange(
    String method,
    List<String> segments,
    QueryParams query,
    Map<String, String> headers,
    byte[] body,
    String user,
    String uri,
    String origin) {

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  boolean hasBody() {
    return body.length > 0;
  }

  /** A reply: status, headers, and a body written in the chosen encoding. */
  record Reply(int status, Map<String, String> headers, byte[] body) {
    static Reply of(int status) {
      return new Reply(status, new LinkedHashMap<>(), new byte[0]);
    }

    Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }
}
