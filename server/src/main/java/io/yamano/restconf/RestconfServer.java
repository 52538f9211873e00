package io.yamano.restconf;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The RESTCONF listener: Jetty's HTTP/1.1 server, over TLS with the certificate of {@link
 * TlsCertificate} unless plain HTTP was asked for (RFC 8040 §2: RESTCONF runs over TLS). When
 * {@link ClientCertificates} has trust anchors, clients are asked (not required) for a certificate,
 * which {@link CertificateLogin} maps to a user.
 *
 * <pre>{@code
 * var service = RestconfService.create(datastore, users::checkPassword, netconf::serverState, bus);
 * var server = RestconfServer.start(new RestconfConfig(address, dataDir.resolve("tls"), false), service);
 * }</pre>
 */
public final class RestconfServer implements AutoCloseable {
  private final Server jetty;
  private final ServerConnector connector;
  private final RestconfService service;
  private final boolean tls;
  private boolean closed;

  private RestconfServer(
      Server jetty, ServerConnector connector, RestconfService service, boolean tls) {
    this.jetty = jetty;
    this.connector = connector;
    this.service = service;
    this.tls = tls;
  }

  /** Starts listening; on failure nothing is left running. */
  public static RestconfServer start(RestconfConfig config, RestconfService service)
      throws IOException {
    var threads = new QueuedThreadPool(200, 4);
    threads.setName("restconf");
    threads.setDaemon(true);
    var jetty = new Server(threads);
    var http = new HttpConfiguration();
    http.setSendServerVersion(false);
    // key values may hold an encoded '/' (RFC 8040 §3.5.3): the path is decoded step by step
    http.setUriCompliance(
        UriCompliance.DEFAULT.with(
            "restconf",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
            UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
            UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
    ServerConnector connector;
    if (config.plainHttp()) {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    } else {
      char[] password = HexFormat.of().formatHex(SecureRandom.getSeed(16)).toCharArray();
      List<String> names = new ArrayList<>();
      var address = config.bindAddress().getAddress();
      if (address != null && !address.isAnyLocalAddress()) {
        names.add(address.getHostAddress());
      }
      var keyStore = TlsCertificate.load(config.tlsDirectory(), names, password);
      var ssl = new SslContextFactory.Server();
      ssl.setKeyStore(keyStore);
      ssl.setKeyStorePassword(new String(password));
      ssl.setKeyManagerPassword(new String(password));
      var clientCas = ClientCertificates.load(config.tlsDirectory());
      if (clientCas.any()) {
        // want, not need: a client without a certificate can still use HTTP Basic
        ssl.setWantClientAuth(true);
        ssl.setTrustStore(clientCas.trustStore());
      }
      var secure = new SecureRequestCustomizer();
      // clients reach the server by IP address as often as by name
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      if (clientCas.any()) {
        http.addCustomizer(
            (request, headers) -> {
              if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
                      instanceof EndPoint.SslSessionData session
                  && session.peerCertificates() != null
                  && session.peerCertificates().length > 0) {
                // the chain is checked once per TLS session, not on every request over it
                var tls = session.sslSession();
                var chain = tls == null ? null : tls.getValue(RestconfService.CLIENT_CHAIN);
                if (chain == null) {
                  chain = clientCas.validatedChain(session.peerCertificates());
                  if (tls != null) {
                    tls.putValue(RestconfService.CLIENT_CHAIN, chain);
                  }
                }
                request.setAttribute(RestconfService.CLIENT_CHAIN, chain);
              }
              return request;
            });
      }
      connector =
          new ServerConnector(
              jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    }
    connector.setHost(config.bindAddress().getAddress().getHostAddress());
    connector.setPort(config.bindAddress().getPort());
    jetty.addConnector(connector);
    jetty.setHandler(service);
    jetty.setStopTimeout(2000);
    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // already failing
      }
      throw new IOException(
          "RESTCONF cannot listen on "
              + config.bindAddress()
              + ": "
              + (e.getMessage() == null ? e.toString() : e.getMessage()),
          e);
    }
    return new RestconfServer(jetty, connector, service, !config.plainHttp());
  }

  /** The port listened on (the actual one when 0 was asked for). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code https} or {@code http}. */
  public String scheme() {
    return tls ? "https" : "http";
  }

  /** Stops accepting and ends open requests and event streams; idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    // event streams end first, so that no request is left for the stop to wait for
    service.endStreams();
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IOException("RESTCONF did not stop cleanly: " + e.getMessage(), e);
    }
  }
}
