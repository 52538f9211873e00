package io.yamano.onboarding.pkg;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Verifies detached CMS signatures (RFC 5652) as SOL004 §5.2 uses them, and that the signer's
 * certificate chains to a trusted certificate (PKIX, RFC 5280; revocation is not checked).
 */
public final class CmsVerifier {
  private final TrustStore trust;

  public CmsVerifier(TrustStore trust) {
    this.trust = trust;
  }

  /** The outcome: the signer's subject on success, else why not. */
  public record Verdict(boolean valid, String detail) {}

  /**
   * @param signature DER, or PEM armoured ({@code -----BEGIN CMS-----})
   * @param extraCertificate a certificate the package supplies for the signer (SOL004 {@code
   *     ETSI-Entry-Certificate} or the manifest's {@code Certificate:}), if any
   */
  public Verdict verify(byte[] content, byte[] signature, Optional<byte[]> extraCertificate) {
    CMSSignedData signed;
    try {
      signed = new CMSSignedData(new CMSProcessableByteArray(content), der(signature));
    } catch (CMSException | IllegalArgumentException e) {
      return new Verdict(false, "the signature is not a readable CMS structure: " + e.getMessage());
    }
    var converter = new JcaX509CertificateConverter();
    var available = new ArrayList<X509Certificate>();
    try {
      for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
        available.add(converter.getCertificate(holder));
      }
      if (extraCertificate.isPresent()) {
        var factory = CertificateFactory.getInstance("X.509");
        for (var c :
            factory.generateCertificates(new ByteArrayInputStream(extraCertificate.get()))) {
          available.add((X509Certificate) c);
        }
      }
    } catch (Exception e) {
      return new Verdict(false, "a certificate in the package is unreadable: " + e.getMessage());
    }
    var signers = signed.getSignerInfos().getSigners();
    if (signers.isEmpty()) {
      return new Verdict(false, "the CMS structure has no signer");
    }
    for (SignerInformation signer : signers) {
      X509Certificate certificate = null;
      for (var candidate : available) {
        try {
          if (signer.getSID().match(new X509CertificateHolder(candidate.getEncoded()))) {
            certificate = candidate;
            break;
          }
        } catch (Exception e) {
          // A certificate that cannot be re-encoded cannot be the signer's.
        }
      }
      if (certificate == null) {
        return new Verdict(
            false, "the signer's certificate is neither in the signature nor in the package");
      }
      try {
        if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
          return new Verdict(
              false, "the signature does not match the content (altered after signing)");
        }
      } catch (Exception e) {
        return new Verdict(
            false,
            "the signature does not match the content (altered after signing): " + e.getMessage());
      }
      var chain = chain(certificate, available);
      if (chain.isPresent()) {
        return new Verdict(false, chain.get());
      }
      return new Verdict(true, certificate.getSubjectX500Principal().getName());
    }
    return new Verdict(false, "no signer verified");
  }

  /** Empty when the certificate chains to a trust anchor, else why not. */
  private Optional<String> chain(X509Certificate certificate, List<X509Certificate> intermediates) {
    if (trust.anchors().isEmpty()) {
      return Optional.of("no trusted certificates are configured (DATA_DIR/trust/ is empty)");
    }
    if (trust.anchors().contains(certificate)) {
      return Optional.empty();
    }
    try {
      var anchors = new HashSet<TrustAnchor>();
      for (var anchor : trust.anchors()) {
        anchors.add(new TrustAnchor(anchor, null));
      }
      var selector = new X509CertSelector();
      selector.setCertificate(certificate);
      var parameters = new PKIXBuilderParameters(anchors, selector);
      parameters.setRevocationEnabled(false);
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return Optional.empty();
    } catch (Exception e) {
      return Optional.of(
          "the signer "
              + certificate.getSubjectX500Principal().getName()
              + " does not chain to a trusted certificate: "
              + e.getMessage());
    }
  }

  private static byte[] der(byte[] signature) {
    String text = new String(signature, StandardCharsets.US_ASCII);
    int begin = text.indexOf(Manifest.BEGIN_CMS);
    if (begin < 0) {
      return signature;
    }
    int end = text.indexOf(Manifest.END_CMS, begin);
    String base64 =
        text.substring(begin + Manifest.BEGIN_CMS.length(), end < 0 ? text.length() : end)
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }
}
