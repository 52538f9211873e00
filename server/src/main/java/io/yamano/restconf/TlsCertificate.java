package io.yamano.restconf;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server certificate of the RESTCONF listener: {@code server.crt} (the certificate, then its
 * chain) and {@code server.key} (the private key), both PEM, in the TLS directory. An operator puts
 * their own pair there; when both are absent a self-signed one (EC P-256, ten years, for localhost,
 * the loopback addresses and the listen address) is generated once, so that clients can pin it with
 * {@code curl --cacert DATA_DIR/tls/server.crt}.
 */
public final class TlsCertificate {
  /** The certificate file name in the TLS directory. */
  public static final String CERTIFICATE = "server.crt";

  /** The private key file name in the TLS directory. */
  public static final String KEY = "server.key";

  private TlsCertificate() {}

  /**
   * Loads the pair, generating a self-signed one first if neither file exists.
   *
   * @param names the host names and addresses a generated certificate is valid for, besides
   *     localhost, 127.0.0.1 and ::1
   * @return an in-memory PKCS#12 key store holding the key under alias {@code restconf}, with
   *     {@code password}
   * @throws IOException when only one of the files exists, or they do not parse
   */
  public static KeyStore load(Path dir, List<String> names, char[] password) throws IOException {
    Path cert = dir.resolve(CERTIFICATE);
    Path key = dir.resolve(KEY);
    boolean haveCert = Files.exists(cert);
    boolean haveKey = Files.exists(key);
    if (haveCert != haveKey) {
      throw new IOException(
          "TLS: "
              + (haveCert ? key : cert)
              + " is missing; give both "
              + CERTIFICATE
              + " and "
              + KEY
              + " or neither (a self-signed pair is then generated)");
    }
    if (!haveCert) {
      generate(dir, names);
    }
    try {
      var chain = readCertificates(cert);
      if (chain.isEmpty()) {
        throw new IOException("TLS: " + cert + " holds no certificate");
      }
      var privateKey = readKey(key);
      var store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("restconf", privateKey, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS: cannot use " + cert + " and " + key + ": " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> readCertificates(Path file)
      throws IOException, GeneralSecurityException {
    var out = new ArrayList<X509Certificate>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        var pem = new PEMParser(reader)) {
      var converter = new JcaX509CertificateConverter();
      for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          out.add(converter.getCertificate(holder));
        }
      }
    }
    return out;
  }

  private static PrivateKey readKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        var pem = new PEMParser(reader)) {
      var converter = new JcaPEMKeyConverter();
      for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      }
    }
    throw new IOException("TLS: " + file + " holds no unencrypted private key");
  }

  private static void generate(Path dir, List<String> names) throws IOException {
    Files.createDirectories(dir);
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      var subject = new X500Name("CN=Yamano RESTCONF");
      var now = Instant.now();
      var builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(Duration.ofDays(3650))),
              subject,
              pair.getPublic());
      Set<String> all = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
      all.addAll(names);
      var general = new ArrayList<GeneralName>();
      for (String name : all) {
        general.add(
            isAddress(name)
                ? new GeneralName(GeneralName.iPAddress, name)
                : new GeneralName(GeneralName.dNSName, name));
      }
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(general.toArray(new GeneralName[0])));
      // its own trust anchor: a client pins this very certificate
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
      var certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      Path key = dir.resolve(KEY);
      Files.deleteIfExists(key);
      Files.createFile(key);
      try {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's permissions protect it
      }
      try (Writer w = Files.newBufferedWriter(key, StandardCharsets.US_ASCII);
          var pem = new JcaPEMWriter(w)) {
        pem.writeObject(
            new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null));
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve(CERTIFICATE), StandardCharsets.US_ASCII);
          var pem = new JcaPEMWriter(w)) {
        pem.writeObject(certificate);
      }
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("TLS: cannot generate a self-signed certificate: " + e.getMessage(), e);
    }
  }

  private static boolean isAddress(String name) {
    if (name.contains(":")) {
      return true;
    }
    if (!name.matches("[0-9.]+")) {
      return false;
    }
    try {
      InetAddress.getByName(name);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
