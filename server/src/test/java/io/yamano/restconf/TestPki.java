package io.yamano.restconf;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A tiny PKI for client-certificate tests: CAs and the client certificates they issue. */
final class TestPki {
  private TestPki() {}

  /** A certificate and its private key. */
  record Issued(X509Certificate certificate, PrivateKey key) {
    /** The RFC 7407 tls-fingerprint with the given TLS hash algorithm id. */
    String fingerprint(int algorithm) throws GeneralSecurityException {
      String digest =
          switch (algorithm) {
            case 1 -> "MD5";
            case 2 -> "SHA-1";
            case 4 -> "SHA-256";
            case 5 -> "SHA-384";
            default -> "SHA-512";
          };
      byte[] hash = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
      return String.format("%02x", algorithm) + ":" + HexFormat.ofDelimiter(":").formatHex(hash);
    }

    void writePem(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
          var pem = new JcaPEMWriter(w)) {
        pem.writeObject(certificate);
      }
    }
  }

  static Issued ca(String subject) throws Exception {
    KeyPair pair = keyPair();
    var name = new X500Name(subject);
    var builder = builder(name, name, pair);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new Issued(sign(builder, pair.getPrivate()), pair.getPrivate());
  }

  /**
   * A client certificate.
   *
   * @param sans subjectAltNames as {@code dns:NAME}, {@code email:ADDRESS} or {@code ip:ADDRESS}
   */
  static Issued client(Issued ca, String subject, String... sans) throws Exception {
    KeyPair pair = keyPair();
    var builder =
        builder(
            X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
            new X500Name(subject),
            pair);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    if (sans.length > 0) {
      var names = new GeneralName[sans.length];
      for (int i = 0; i < sans.length; i++) {
        String[] kv = sans[i].split(":", 2);
        int tag =
            switch (kv[0]) {
              case "dns" -> GeneralName.dNSName;
              case "email" -> GeneralName.rfc822Name;
              default -> GeneralName.iPAddress;
            };
        names[i] = new GeneralName(tag, kv[1]);
      }
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }
    return new Issued(sign(builder, ca.key()), pair.getPrivate());
  }

  /**
   * A TLS context that trusts {@code serverCertificate} and presents {@code client} whatever CAs
   * the server names (as curl does), so that a certificate of a CA the server does not trust still
   * reaches the server. {@code asked} is set when the server asks for a certificate; {@code
   * appended} follow the client's certificate in what is presented.
   */
  static SSLContext clientContext(
      Path serverCertificate, Issued client, AtomicBoolean asked, X509Certificate... appended)
      throws Exception {
    var trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (var in = Files.newInputStream(serverCertificate)) {
      trust.setCertificateEntry(
          "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    var ssl = SSLContext.getInstance("TLS");
    ssl.init(
        client == null
            ? null
            : new FixedKeyManager[] {new FixedKeyManager(client, asked, appended)},
        factory.getTrustManagers(),
        null);
    return ssl;
  }

  private static final class FixedKeyManager extends X509ExtendedKeyManager {
    private final Issued client;
    private final AtomicBoolean asked;
    private final X509Certificate[] chain;

    FixedKeyManager(Issued client, AtomicBoolean asked, X509Certificate[] appended) {
      this.client = client;
      this.asked = asked;
      this.chain = new X509Certificate[appended.length + 1];
      chain[0] = client.certificate();
      System.arraycopy(appended, 0, chain, 1, appended.length);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      asked.set(true);
      return "client";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      asked.set(true);
      return "client";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"client"};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return chain.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return client.key();
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  private static JcaX509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair pair) {
    var now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, new SecureRandom()),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        pair.getPublic());
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws Exception {
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
