package io.yamano.restconf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * HTTP Basic authentication (RFC 7617) against Yamano's users. Password hashes are deliberately
 * slow, and an OSS client sends its credentials with every request, so a successful check is
 * remembered for a short while (keyed by a digest of the credentials, never the password itself); a
 * changed password takes effect after at most that long.
 */
final class BasicAuth {
  /** How long a successful check is remembered. */
  static final Duration REMEMBER = Duration.ofSeconds(30);

  private static final int MAX_REMEMBERED = 1024;

  private final BiPredicate<String, String> passwords;
  private final Clock clock;
  private final Map<String, Long> remembered = new ConcurrentHashMap<>();

  BasicAuth(BiPredicate<String, String> passwords, Clock clock) {
    this.passwords = passwords;
    this.clock = clock;
  }

  /** The authenticated user of an {@code Authorization} header, if its credentials are valid. */
  Optional<String> authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String key = digest(decoded);
    long now = clock.millis();
    Long until = remembered.get(key);
    if (until != null && until > now) {
      return Optional.of(user);
    }
    if (!passwords.test(user, password)) {
      return Optional.empty();
    }
    if (remembered.size() >= MAX_REMEMBERED) {
      remembered.clear();
    }
    remembered.put(key, now + REMEMBER.toMillis());
    return Optional.of(user);
  }

  private static String digest(String credentials) {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(credentials.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
