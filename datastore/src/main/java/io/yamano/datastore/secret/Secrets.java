package io.yamano.datastore.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens secret values with AES-256-GCM under one key. A sealed value is {@code
 * $aes256-gcm$} followed by the base64url (unpadded) of a fresh 96-bit nonce and the cipher text
 * with its 128-bit tag, so sealing the same secret twice gives two different values and a value
 * altered by one bit does not open.
 *
 * <p>The key of a data directory is {@code secret.key} (32 random bytes, created on first use, mode
 * 600). Losing it loses the secrets, not the rest of the configuration: they can be written again
 * in clear and are sealed under the new key.
 *
 * <p>Thread-safe.
 */
public final class Secrets {
  /** How every sealed value starts. */
  public static final String PREFIX = "$aes256-gcm$";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "yamano secret v1".getBytes(StandardCharsets.US_ASCII);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private Secrets(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The key in {@code keyFile}, created (mode 600) if it does not exist.
   *
   * @throws IOException if the file is readable by others than its owner or is not 32 bytes
   */
  public static Secrets open(Path keyFile) throws IOException {
    if (!Files.exists(keyFile)) {
      var bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      var tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.write(tmp, bytes);
      Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
    }
    var permissions = Files.getPosixFilePermissions(keyFile);
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new IOException(
          keyFile
              + " is readable by others ("
              + PosixFilePermissions.toString(permissions)
              + "); chmod 600 it");
    }
    var bytes = Files.readAllBytes(keyFile);
    if (bytes.length != 32) {
      throw new IOException(keyFile + " does not hold a 256-bit key (32 bytes)");
    }
    return new Secrets(bytes);
  }

  /** A key that lives only in this process: for tools and tests that keep no data. */
  public static Secrets ephemeral() {
    var bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new Secrets(bytes);
  }

  /** Whether {@code value} has the form of a sealed value (it may still not open). */
  public static boolean looksSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** Seals a clear value. */
  public String seal(String clear) {
    var plain = clear.getBytes(StandardCharsets.UTF_8);
    try {
      var nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(CONTEXT);
      var sealed = cipher.doFinal(plain);
      var out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    } finally {
      java.util.Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Opens a sealed value.
   *
   * @throws SecretException if it is not a sealed value, was altered, or was sealed under another
   *     key (the message never contains the value)
   */
  public String open(String sealed) throws SecretException {
    if (!looksSealed(sealed)) {
      throw new SecretException("the value is not sealed (it does not start with " + PREFIX + ")");
    }
    byte[] data;
    try {
      data = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new SecretException("the sealed value is not valid base64url");
    }
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretException("the sealed value is too short to be one");
    }
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      cipher.updateAAD(CONTEXT);
      var plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      var clear = new String(plain, StandardCharsets.UTF_8);
      java.util.Arrays.fill(plain, (byte) 0);
      return clear;
    } catch (AEADBadTagException e) {
      throw new SecretException(
          "the sealed value does not open: it was altered or sealed under another key"
              + " (DATA_DIR/secret.key)");
    } catch (GeneralSecurityException e) {
      throw new SecretException("the sealed value cannot be opened: " + e.getMessage());
    }
  }

  /** Opens {@code value} if it is sealed; returns anything else (null, clear text) unchanged. */
  public String reveal(String value) throws SecretException {
    return looksSealed(value) ? open(value) : value;
  }

  @Override
  public String toString() {
    return "Secrets[AES-256-GCM]";
  }
}
