package io.yamano.restconf;

import java.util.Locale;
import java.util.Optional;

/**
 * The two encodings of RESTCONF data (RFC 8040 §5.2): {@code application/yang-data+json} (RFC 7951)
 * and {@code application/yang-data+xml} (RFC 7950), chosen per request from the {@code Accept} and
 * {@code Content-Type} headers.
 */
enum Encoding {
  JSON("application/yang-data+json", "application/yang-patch+json"),
  XML("application/yang-data+xml", "application/yang-patch+xml");

  private final String dataType;
  private final String patchType;

  Encoding(String dataType, String patchType) {
    this.dataType = dataType;
    this.patchType = patchType;
  }

  String dataType() {
    return dataType;
  }

  String patchType() {
    return patchType;
  }

  /** The media type of a {@code Content-Type}, without parameters, lower case. */
  static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** The data encoding of a request body's media type, if it is one. */
  static Optional<Encoding> ofData(String mediaType) {
    return switch (mediaType) {
      case "application/yang-data+json", "application/json" -> Optional.of(JSON);
      case "application/yang-data+xml", "application/xml", "text/xml" -> Optional.of(XML);
      default -> Optional.empty();
    };
  }

  /** The YANG Patch encoding of a request body's media type (RFC 8072 §2.1), if it is one. */
  static Optional<Encoding> ofPatch(String mediaType) {
    return switch (mediaType) {
      case "application/yang-patch+json" -> Optional.of(JSON);
      case "application/yang-patch+xml" -> Optional.of(XML);
      default -> Optional.empty();
    };
  }

  /**
   * The reply encoding for an {@code Accept} header (RFC 8040 §5.2): the first acceptable of the
   * listed types in order of quality; without the header, {@code fallback}.
   *
   * @return empty when nothing listed is acceptable (406)
   */
  static Optional<Encoding> forAccept(String accept, Encoding fallback) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(fallback);
    }
    Encoding best = null;
    double bestQuality = -1;
    for (String part : accept.split(",")) {
      String[] pieces = part.split(";");
      String type = pieces[0].trim().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].trim();
        if (p.startsWith("q=")) {
          try {
            quality = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (quality <= 0) {
        continue;
      }
      Encoding e =
          switch (type) {
            case "application/yang-data+json", "application/json", "application/yang-patch+json" ->
                JSON;
            case "application/yang-data+xml",
                "application/xml",
                "text/xml",
                "application/yang-patch+xml" ->
                XML;
            // event streams (RFC 8040 §6.4) answer in text/event-stream, errors in the fallback
            case "*/*", "application/*", "text/event-stream" -> fallback;
            default -> null;
          };
      if (e != null && quality > bestQuality) {
        best = e;
        bestQuality = quality;
      }
    }
    return Optional.ofNullable(best);
  }
}
