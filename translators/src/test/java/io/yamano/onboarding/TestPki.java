package io.yamano.onboarding;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A certificate authority and a signing certificate it issued, made for one test. */
final class TestPki {
  final KeyPair caKeys = keys();
  final X509Certificate ca;
  final KeyPair signerKeys = keys();
  final X509Certificate signer;

  TestPki(String name) throws Exception {
    var caName = new X500Name("CN=" + name + " CA,O=Yamano test");
    ca = certificate(caName, caName, caKeys, caKeys, true);
    signer =
        certificate(
            caName,
            new X500Name("CN=" + name + " signer,O=Yamano test"),
            signerKeys,
            caKeys,
            false);
  }

  private static KeyPair keys() {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate(
      X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, boolean ca)
      throws Exception {
    long now = System.currentTimeMillis();
    var builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(now),
            new Date(now - 60_000),
            new Date(now + 86_400_000L),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
    var contentSigner =
        new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
  }

  /** A detached CMS signature (DER) of {@code content} by the signing certificate. */
  byte[] sign(byte[] content) throws Exception {
    var generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(signerKeys.getPrivate()),
                signer));
    generator.addCertificates(new JcaCertStore(List.of(signer)));
    return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
