package io.yamano.restconf;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the RESTCONF listener runs; checked once at start.
 *
 * @param bindAddress address and port to listen on (port 0 picks a free one)
 * @param tlsDirectory where the server certificate lives ({@code server.crt}, {@code server.key},
 *     PEM); a self-signed pair is generated there on first start if neither file exists; its {@code
 *     client-ca/*.pem} are the trust anchors for client certificates
 * @param plainHttp serve plain HTTP instead of HTTPS (only for a trusted network or a TLS proxy in
 *     front)
 */
public record RestconfConfig(InetSocketAddress bindAddress, Path tlsDirectory, boolean plainHttp) {
  public RestconfConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(tlsDirectory, "tlsDirectory");
  }
}
