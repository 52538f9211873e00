package io.yamano.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes in the form {@code $pbkdf2-sha256$ITER$SALT$HASH}, so
 * that no clear-text password is ever stored.
 */
public final class PasswordHasher {
  private static final String PREFIX = "$pbkdf2-sha256$";
  private static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  public static String hash(char[] password) {
    var salt = new byte[16];
    RANDOM.nextBytes(salt);
    var encoder = Base64.getEncoder();
    return PREFIX
        + ITERATIONS
        + "$"
        + encoder.encodeToString(salt)
        + "$"
        + encoder.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Checks a password against a stored hash in constant time; false for malformed hashes. */
  public static boolean verify(char[] password, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return false;
    }
    var parts = stored.substring(PREFIX.length()).split("\\$");
    if (parts.length != 3) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[0]);
      var decoder = Base64.getDecoder();
      var salt = decoder.decode(parts[1]);
      var expected = decoder.decode(parts[2]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A random password for the first administrator: 20 characters, about 119 bits. */
  public static String generate() {
    var alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    var out = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      var spec = new PBEKeySpec(password, salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    }
  }
}
