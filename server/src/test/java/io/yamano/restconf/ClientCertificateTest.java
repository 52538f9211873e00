package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.restconf.TestPki.Issued;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS client certificates on RESTCONF (RFC 8040 §2.5, RFC 7589 §7): a real server whose {@code
 * tls/client-ca/} trusts two CAs, certificates made here, {@code /cert-maps/cert-to-name} (RFC 7407
 * §4) configured by the admin over RESTCONF. Who a request ran as is read from the commit history
 * after it writes {@code example-rc:lab}, which group {@code cert-users} may write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCertificateTest {
  private Path dataDir;

  private Issued ca;
  private Issued otherTrustedCa;
  private Issued untrustedCa;
  private Issued carol;
  private Issued dns;
  private Issued ordered;
  private Issued ghost;
  private Issued nora;
  private Issued cnUser;
  private Issued cnOther;
  private Issued stranger;
  private RestconfFixture fixture;
  private Path serverCertificate;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    dataDir = dir;
    ca = TestPki.ca("CN=Test Client CA");
    otherTrustedCa = TestPki.ca("CN=Second Client CA");
    untrustedCa = TestPki.ca("CN=Test Client CA");
    ca.writePem(dataDir.resolve("tls/client-ca/ca.pem"));
    otherTrustedCa.writePem(dataDir.resolve("tls/client-ca/second.pem"));
    carol = TestPki.client(ca, "CN=carol-cert,O=Example");
    dns = TestPki.client(ca, "CN=dns-cert", "dns:DNS-User.Example.ORG");
    ordered = TestPki.client(ca, "CN=ordered-cert");
    ghost = TestPki.client(ca, "CN=ghost-cert");
    nora = TestPki.client(ca, "CN=nora-cert");
    cnUser = TestPki.client(ca, "O=Example,CN=cn-user", "email:someone@example.org");
    cnOther = TestPki.client(ca, "CN=cn-other");
    stranger = TestPki.client(otherTrustedCa, "CN=stranger");

    fixture = RestconfFixture.start(dataDir);
    serverCertificate = dataDir.resolve("tls").resolve(TlsCertificate.CERTIFICATE);
    for (String user :
        new String[] {
          "carol", "dns-user.example.org", "order-low", "order-high", "nora", "cn-user", "cn-other"
        }) {
      admin(
          "PUT",
          "/restconf/data/yamano-aaa:aaa/user=" + user,
          "{\"yamano-aaa:user\":[{\"name\":\"" + user + "\"}]}");
    }
    admin(
        "PATCH",
        "/restconf/data/ietf-netconf-acm:nacm",
        """
        {"ietf-netconf-acm:nacm":{
          "groups":{"group":[
            {"name":"cert-users","user-name":["carol","dns-user.example.org","order-low",
              "order-high","cn-user","cn-other"]},
            {"name":"no-lab","user-name":["nora"]}]},
          "rule-list":[
            {"name":"cert-users","group":["cert-users"],"rule":[
              {"name":"lab","module-name":"example-rc","access-operations":"*","action":"permit"}]},
            {"name":"no-lab","group":["no-lab"],"rule":[
              {"name":"hide-lab","module-name":"example-rc","access-operations":"read",
               "action":"deny"}]}]}}
        """);
    // entry 31 is listed before 30: the order of the list in the request must not matter
    admin(
        "PUT",
        "/restconf/data/yamano-aaa:cert-maps",
        "{\"yamano-aaa:cert-maps\":{\"cert-to-name\":["
            + entry(10, carol.fingerprint(4), "specified", "carol")
            + ","
            + entry(20, dns.fingerprint(4), "san-dns-name", null)
            + ","
            + entry(31, ordered.fingerprint(6), "specified", "order-high")
            + ","
            + entry(30, ordered.fingerprint(2), "specified", "order-low")
            + ","
            + entry(40, ghost.fingerprint(4), "specified", "ghost")
            + ","
            + entry(50, nora.fingerprint(5), "specified", "nora")
            + ","
            + entry(100, ca.fingerprint(4), "common-name", null)
            + "]}}");
    admin("PUT", "/restconf/data/example-rc:lab", "{\"example-rc:lab\":{\"name\":\"seen\"}}");
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  private static String entry(long id, String fingerprint, String mapType, String name) {
    return "{\"id\":"
        + id
        + ",\"fingerprint\":\""
        + fingerprint
        + "\",\"map-type\":\"yamano-aaa:"
        + mapType
        + "\""
        + (name == null ? "" : ",\"name\":\"" + name + "\"")
        + "}";
  }

  private void admin(String method, String path, String json) throws Exception {
    var reply = fixture.send(method, path, RestconfFixture.JSON, json);
    assertTrue(reply.statusCode() / 100 == 2, method + " " + path + ": " + reply.body());
  }

  private HttpClient client(Issued certificate, X509Certificate... appended) throws Exception {
    return HttpClient.newBuilder()
        .sslContext(
            TestPki.clientContext(serverCertificate, certificate, new AtomicBoolean(), appended))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private HttpResponse<String> send(
      Issued certificate, String method, String path, String body, String basic) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(fixture.base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", RestconfFixture.JSON)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", RestconfFixture.JSON);
    }
    if (basic != null) {
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return client(certificate).send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Writes the lab's name as the certificate's user and returns who the commit was by. */
  private String whoAmI(Issued certificate, String basic) throws Exception {
    String mark = "by-" + Long.toHexString(System.nanoTime());
    var reply =
        send(
            certificate,
            "PUT",
            "/restconf/data/example-rc:lab/name",
            "{\"example-rc:name\":\"" + mark + "\"}",
            basic);
    assertEquals(204, reply.statusCode(), reply.body());
    return fixture.server.datastore().history(1).get(0).user();
  }

  @Test
  @DisplayName("RFC 7407 §4 / RFC 7589 §7: 'specified' maps the client certificate's fingerprint")
  void specified() throws Exception {
    assertEquals("carol", whoAmI(carol, null));
  }

  @Test
  @DisplayName("RFC 7407 §4.1: 'san-dns-name' takes the dNSName, in lower case")
  void sanDnsName() throws Exception {
    assertEquals("dns-user.example.org", whoAmI(dns, null));
  }

  @Test
  @DisplayName("RFC 7407 §4: a CA's fingerprint matches every certificate it issued (common-name)")
  void caFingerprintWithCommonName() throws Exception {
    assertEquals("cn-user", whoAmI(cnUser, null));
    assertEquals("cn-other", whoAmI(cnOther, null));
  }

  @Test
  @DisplayName("RFC 7407 §4: entries are tried by ascending id; the lower id wins")
  void lowerIdWins() throws Exception {
    assertEquals("order-low", whoAmI(ordered, null));
  }

  @Test
  @DisplayName(
      "RFC 8040 §2.5: a certificate of an untrusted CA is refused in the TLS handshake"
          + " (certificate_unknown)")
  void untrustedCa() throws Exception {
    // same subject as the trusted CA, other key: only the signature tells them apart
    var forged = TestPki.client(untrustedCa, "CN=cn-user");
    var failure =
        assertThrows(
            IOException.class,
            () -> send(forged, "GET", "/restconf/yang-library-version", null, null));
    // wantClientAuth still validates a certificate that is presented: the server's trust manager
    // rejects it and the handshake ends with a certificate_unknown alert, before any HTTP
    var handshake = cause(failure, SSLHandshakeException.class);
    assertTrue(handshake != null, failure::toString);
    assertTrue(handshake.getMessage().contains("certificate_unknown"), handshake::getMessage);
  }

  @Test
  @DisplayName(
      "RFC 8040 §2.5: a trusted certificate that no entry maps gets 401, unless HTTP Basic is valid")
  void unmappedFallsBackToBasic() throws Exception {
    var refused = send(stranger, "GET", "/restconf/yang-library-version", null, null);
    assertEquals(401, refused.statusCode());
    assertTrue(
        refused.body().contains("client certificate CN=stranger: no cert-to-name entry matched"),
        refused.body());
    var wrongPassword =
        send(stranger, "GET", "/restconf/yang-library-version", null, "admin:wrong");
    assertEquals(401, wrongPassword.statusCode());
    assertEquals("admin", whoAmI(stranger, RestconfFixture.USER + ":" + RestconfFixture.PASSWORD));
    assertTrue(
        Files.readString(dataDir.resolve("audit").resolve("audit.log"))
            .contains("no cert-to-name entry matched"));
  }

  @Test
  @DisplayName(
      "RFC 7407 §4: a CA certificate appended to the presented chain but not on its validated"
          + " path matches no entry")
  void appendedCaIsNotInTheChain() throws Exception {
    // issued by the second CA; the first CA's fingerprint (entry 100, common-name) would map it
    var other = TestPki.client(otherTrustedCa, "CN=cn-other");
    var reply =
        client(other, ca.certificate())
            .send(
                HttpRequest.newBuilder(URI.create(fixture.base + "/restconf/yang-library-version"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(401, reply.statusCode(), reply.body());
    assertTrue(reply.body().contains("no cert-to-name entry matched"), reply.body());
  }

  @Test
  @DisplayName("RFC 7589 §7: a certificate mapped to a name that is no user gets 401")
  void mappedToNoUser() throws Exception {
    var refused = send(ghost, "GET", "/restconf/yang-library-version", null, null);
    assertEquals(401, refused.statusCode());
    assertTrue(refused.body().contains("gives 'ghost', not a user"), refused.body());
  }

  @Test
  @DisplayName("RFC 8341 via RFC 7589 §7: a certificate user is subject to NACM (read pruned)")
  void nacmApplies() throws Exception {
    var mine = send(nora, "GET", "/restconf/data/yamano-aaa:aaa/user=nora", null, null);
    assertEquals(200, mine.statusCode(), mine.body());
    var all = send(nora, "GET", "/restconf/data?content=config", null, null);
    assertEquals(200, all.statusCode(), all.body());
    assertFalse(all.body().contains("example-rc:lab"), all.body());
    var asCarol = send(carol, "GET", "/restconf/data?content=config", null, null);
    assertTrue(asCarol.body().contains("example-rc:lab"), asCarol.body());
    var write =
        send(
            nora,
            "PUT",
            "/restconf/data/example-rc:lab/name",
            "{\"example-rc:name\":\"nora\"}",
            null);
    assertEquals(403, write.statusCode(), write.body());
  }

  @Test
  @DisplayName(
      "RFC 7407 §4.2: a malformed fingerprint and a 'specified' entry without a name are refused")
  void invalidEntries() throws Exception {
    var shortHash =
        fixture.send(
            "PUT",
            "/restconf/data/yamano-aaa:cert-maps/cert-to-name=900",
            RestconfFixture.JSON,
            "{\"yamano-aaa:cert-to-name\":[" + entry(900, "04:ab:cd", "common-name", null) + "]}");
    assertEquals(400, shortHash.statusCode(), shortHash.body());
    var noName =
        fixture.send(
            "PUT",
            "/restconf/data/yamano-aaa:cert-maps/cert-to-name=901",
            RestconfFixture.JSON,
            "{\"yamano-aaa:cert-to-name\":["
                + entry(901, ca.fingerprint(4), "specified", null)
                + "]}");
    assertEquals(400, noName.statusCode(), noName.body());
    assertTrue(noName.body().contains("map-type 'specified' needs a 'name'"), noName.body());
    var nameWithoutSpecified =
        fixture.send(
            "PUT",
            "/restconf/data/yamano-aaa:cert-maps/cert-to-name=902",
            RestconfFixture.JSON,
            "{\"yamano-aaa:cert-to-name\":["
                + entry(902, ca.fingerprint(4), "common-name", "carol")
                + "]}");
    assertEquals(400, nameWithoutSpecified.statusCode(), nameWithoutSpecified.body());
    var entries = fixture.get("/restconf/data/yamano-aaa:cert-maps", RestconfFixture.JSON);
    assertFalse(entries.body().contains("\"id\":90"), entries.body());
  }

  private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
