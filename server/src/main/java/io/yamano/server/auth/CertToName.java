package io.yamano.server.auth;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;

/**
 * The certificate-to-name rules of {@code /cert-maps/cert-to-name} (RFC 7407 §4, as used by RFC
 * 7589 §7): the entries, tried in ascending id; the first whose fingerprint is that of the client
 * certificate or of a CA certificate in its validated chain, and whose map-type yields a name from
 * the client certificate, gives the name.
 *
 * @param entries sorted by id
 */
public record CertToName(List<Entry> entries) {
  public CertToName {
    entries = entries.stream().sorted(Comparator.comparingLong(Entry::id)).toList();
  }

  /** How a matched entry derives the name (the identities of {@code yamano-aaa}). */
  public enum MapType {
    SPECIFIED("specified"),
    SAN_RFC822_NAME("san-rfc822-name"),
    SAN_DNS_NAME("san-dns-name"),
    SAN_IP_ADDRESS("san-ip-address"),
    SAN_ANY("san-any"),
    COMMON_NAME("common-name");

    private final String identity;

    MapType(String identity) {
      this.identity = identity;
    }

    /** The identity's name in {@code yamano-aaa}. */
    public String identity() {
      return identity;
    }

    static Optional<MapType> ofIdentity(String name) {
      return Arrays.stream(values()).filter(t -> t.identity.equals(name)).findFirst();
    }
  }

  /**
   * A tls-fingerprint (RFC 7407 §4.2): a TLS HashAlgorithm id and the hash of a DER certificate.
   *
   * @param algorithm 1 md5, 2 sha1, 4 sha256, 5 sha384, 6 sha512
   */
  public record Fingerprint(int algorithm, byte[] hash) {
    public Fingerprint {
      digestName(algorithm);
      hash = hash.clone();
    }

    /** Parses {@code 04:ab:cd:...}. */
    public static Fingerprint parse(String text) {
      String[] octets = text.split(":");
      if (octets.length < 2) {
        throw new IllegalArgumentException("not a tls-fingerprint: " + text);
      }
      byte[] hash = new byte[octets.length - 1];
      for (int i = 1; i < octets.length; i++) {
        hash[i - 1] = (byte) Integer.parseInt(octets[i], 16);
      }
      return new Fingerprint(Integer.parseInt(octets[0], 16), hash);
    }

    /** The fingerprint of a certificate with the given hash algorithm. */
    public static Fingerprint of(int algorithm, X509Certificate certificate) {
      try {
        return new Fingerprint(
            algorithm,
            MessageDigest.getInstance(digestName(algorithm)).digest(certificate.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Whether this is the fingerprint of the certificate. */
    public boolean matches(X509Certificate certificate) {
      return MessageDigest.isEqual(hash, of(algorithm, certificate).hash);
    }

    private static String digestName(int algorithm) {
      return switch (algorithm) {
        case 1 -> "MD5";
        case 2 -> "SHA-1";
        case 4 -> "SHA-256";
        case 5 -> "SHA-384";
        case 6 -> "SHA-512";
        default ->
            throw new IllegalArgumentException("unsupported TLS hash algorithm " + algorithm);
      };
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fingerprint f && f.algorithm == algorithm && Arrays.equals(f.hash, hash);
    }

    @Override
    public int hashCode() {
      return 31 * algorithm + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
      return String.format("%02x", algorithm) + ":" + HexFormat.ofDelimiter(":").formatHex(hash);
    }
  }

  /**
   * One rule.
   *
   * @param name the user name for {@link MapType#SPECIFIED}, else empty
   */
  public record Entry(long id, Fingerprint fingerprint, MapType mapType, Optional<String> name) {
    public Entry {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(mapType, "mapType");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * What the rules made of a chain.
   *
   * @param entry the id of the deciding entry
   */
  public record Mapping(long entry, String name) {}

  /** The rules in the running configuration (none when the list is absent). */
  public static CertToName fromRunning(Datastore datastore) {
    QNameModule module =
        datastore.context().findModules("yamano-aaa").iterator().next().getQNameModule();
    var list = QName.create(module, "cert-to-name");
    var path = YangInstanceIdentifier.of(QName.create(module, "cert-maps"), list);
    var node = datastore.snapshot(DatastoreName.RUNNING).readNode(path);
    var entries = new ArrayList<Entry>();
    if (node.isPresent() && node.get() instanceof MapNode map) {
      for (MapEntryNode e : map.body()) {
        var mapType = leaf(e, QName.create(module, "map-type"));
        entries.add(
            new Entry(
                Long.parseLong(leaf(e, QName.create(module, "id")).orElseThrow()),
                Fingerprint.parse(leaf(e, QName.create(module, "fingerprint")).orElseThrow()),
                mapType.flatMap(MapType::ofIdentity).orElseThrow(),
                leaf(e, QName.create(module, "name"))));
      }
    }
    return new CertToName(entries);
  }

  private static Optional<String> leaf(MapEntryNode entry, QName name) {
    var child = entry.childByArg(new NodeIdentifier(name));
    if (!(child instanceof LeafNode<?> leaf)) {
      return Optional.empty();
    }
    return Optional.of(
        leaf.body() instanceof QName identity ? identity.getLocalName() : leaf.body().toString());
  }

  /**
   * Maps a validated chain.
   *
   * @param chain the client certificate first, then its issuers up to the trust anchor
   */
  public Optional<Mapping> map(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    X509Certificate client = chain.get(0);
    // each certificate hashed once per algorithm the entries use, not once per entry
    var fingerprints = new java.util.HashMap<Integer, List<Fingerprint>>();
    for (Entry entry : entries) {
      int algorithm = entry.fingerprint().algorithm();
      var ofChain =
          fingerprints.computeIfAbsent(
              algorithm, a -> chain.stream().map(c -> Fingerprint.of(a, c)).toList());
      if (!ofChain.contains(entry.fingerprint())) {
        continue;
      }
      var name = nameOf(entry, client);
      if (name.isPresent()) {
        return Optional.of(new Mapping(entry.id(), name.get()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nameOf(Entry entry, X509Certificate client) {
    return switch (entry.mapType()) {
      case SPECIFIED -> entry.name();
      case SAN_RFC822_NAME -> san(client, RFC822_NAME);
      case SAN_DNS_NAME -> san(client, DNS_NAME);
      case SAN_IP_ADDRESS -> san(client, IP_ADDRESS);
      case SAN_ANY -> san(client, RFC822_NAME, DNS_NAME, IP_ADDRESS);
      case COMMON_NAME -> commonName(client);
    };
  }

  private static final int RFC822_NAME = 1;
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  // the first name of one of these types, in certificate order (RFC 7407 §4.1)
  private static Optional<String> san(X509Certificate certificate, Integer... types) {
    var wanted = List.of(types);
    for (List<?> name : subjectAltNames(certificate)) {
      if (name.size() >= 2 && name.get(0) instanceof Integer type && wanted.contains(type)) {
        var value = normalized(type, String.valueOf(name.get(1)));
        if (value.isPresent()) {
          return value;
        }
      }
    }
    return Optional.empty();
  }

  private static Collection<List<?>> subjectAltNames(X509Certificate certificate) {
    try {
      var names = certificate.getSubjectAlternativeNames();
      return names == null ? List.of() : names;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  // RFC 7407 §4.1 (after RFC 5953 §5.1): the host part of an rfc822Name and a dNSName in lower
  // case; an IPv4 address dotted, an IPv6 one as 32 lower-case hex digits
  private static Optional<String> normalized(int type, String value) {
    switch (type) {
      case RFC822_NAME:
        int at = value.lastIndexOf('@');
        return Optional.of(
            at < 0
                ? value.toLowerCase(Locale.ROOT)
                : value.substring(0, at + 1) + value.substring(at + 1).toLowerCase(Locale.ROOT));
      case DNS_NAME:
        return Optional.of(value.toLowerCase(Locale.ROOT));
      case IP_ADDRESS:
        try {
          // the value is an address literal from the certificate: no name lookup happens
          byte[] address = InetAddress.getByName(value).getAddress();
          return Optional.of(
              address.length == 4
                  ? InetAddress.getByAddress(address).getHostAddress()
                  : HexFormat.of().formatHex(address));
        } catch (UnknownHostException e) {
          return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  // the most specific (last) CN of the subject
  private static Optional<String> commonName(X509Certificate certificate) {
    RDN[] cns =
        X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
            .getRDNs(BCStyle.CN);
    if (cns.length == 0) {
      return Optional.empty();
    }
    var value = cns[cns.length - 1].getFirst().getValue();
    return Optional.of(
        value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
  }
}
