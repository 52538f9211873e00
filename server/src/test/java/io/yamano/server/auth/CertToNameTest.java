package io.yamano.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.server.auth.CertToName.Entry;
import io.yamano.server.auth.CertToName.Fingerprint;
import io.yamano.server.auth.CertToName.MapType;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cert-to-name rules of RFC 7407 §4 on certificates, without a server. */
class CertToNameTest {
  private static KeyPair caKeys;
  private static X509Certificate ca;

  @BeforeAll
  static void makeCa() throws Exception {
    caKeys = keyPair();
    ca = certificate(new X500Name("CN=CA"), new X500Name("CN=CA"), caKeys, caKeys.getPrivate());
  }

  private static KeyPair keyPair() throws Exception {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(
      X500Name issuer, X500Name subject, KeyPair keys, PrivateKey signer, GeneralName... sans)
      throws Exception {
    var builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(new SecureRandom().nextInt(1 << 30)),
            Date.from(Instant.now().minus(Duration.ofMinutes(1))),
            Date.from(Instant.now().plus(Duration.ofDays(1))),
            subject,
            keys.getPublic());
    if (sans.length > 0) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
  }

  private static X509Certificate client(String subject, GeneralName... sans) throws Exception {
    return certificate(
        new X500Name("CN=CA"), new X500Name(subject), keyPair(), caKeys.getPrivate(), sans);
  }

  private static Optional<String> map(X509Certificate client, Entry... entries) {
    return new CertToName(List.of(entries)).map(List.of(client, ca)).map(CertToName.Mapping::name);
  }

  private static Entry byCa(long id, MapType type) {
    return new Entry(id, Fingerprint.of(4, ca), type, Optional.empty());
  }

  @Test
  @DisplayName("RFC 7407 §4.2: a tls-fingerprint prints and parses as hash id, then hash octets")
  void fingerprintText() throws Exception {
    var sha1 = Fingerprint.of(2, ca);
    assertTrue(sha1.toString().matches("02(:[0-9a-f]{2}){20}"), sha1.toString());
    assertEquals(sha1, Fingerprint.parse(sha1.toString().toUpperCase()));
    assertTrue(Fingerprint.parse(sha1.toString()).matches(ca));
    assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("03:00:11"));
  }

  @Test
  @DisplayName("RFC 7407 §4.1: san-rfc822-name lower-cases only the host part")
  void rfc822() throws Exception {
    var cert = client("CN=x", new GeneralName(GeneralName.rfc822Name, "FooBar@Example.COM"));
    assertEquals(Optional.of("FooBar@example.com"), map(cert, byCa(1, MapType.SAN_RFC822_NAME)));
  }

  @Test
  @DisplayName("RFC 7407 §4.1 / RFC 5953 §5.1: san-ip-address, IPv4 dotted, IPv6 as 32 hex digits")
  void ipAddresses() throws Exception {
    var v4 = client("CN=x", new GeneralName(GeneralName.iPAddress, "192.0.2.7"));
    assertEquals(Optional.of("192.0.2.7"), map(v4, byCa(1, MapType.SAN_IP_ADDRESS)));
    var v6 = client("CN=x", new GeneralName(GeneralName.iPAddress, "2001:DB8::1"));
    assertEquals(
        Optional.of("20010db8000000000000000000000001"), map(v6, byCa(1, MapType.SAN_IP_ADDRESS)));
  }

  @Test
  @DisplayName("RFC 7407 §4.1: san-any takes the first rfc822Name, dNSName or iPAddress")
  void sanAny() throws Exception {
    var cert =
        client(
            "CN=x",
            new GeneralName(GeneralName.uniformResourceIdentifier, "urn:x"),
            new GeneralName(GeneralName.dNSName, "Host.Example"),
            new GeneralName(GeneralName.rfc822Name, "a@b.example"));
    assertEquals(Optional.of("host.example"), map(cert, byCa(1, MapType.SAN_ANY)));
  }

  @Test
  @DisplayName("RFC 7407 §4: an entry whose map-type yields no name passes to the next entry")
  void noNameTriesNext() throws Exception {
    var cert = client("O=Example,CN=Last One");
    assertEquals(
        Optional.of("Last One"),
        map(cert, byCa(2, MapType.COMMON_NAME), byCa(1, MapType.SAN_DNS_NAME)));
    assertEquals(Optional.empty(), map(cert, byCa(1, MapType.SAN_DNS_NAME)));
  }

  @Test
  @DisplayName("RFC 7407 §4: a fingerprint of no certificate in the chain matches nothing")
  void otherFingerprint() throws Exception {
    var cert = client("CN=someone");
    var other = client("CN=other");
    assertEquals(
        Optional.empty(),
        map(cert, new Entry(1, Fingerprint.of(4, other), MapType.COMMON_NAME, Optional.empty())));
    assertEquals(
        Optional.of("someone"),
        map(cert, new Entry(1, Fingerprint.of(6, cert), MapType.COMMON_NAME, Optional.empty())));
  }
}
