package io.yamano.server.secret;

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
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets by name, each in {@code DIR/NAME.secret} encrypted with AES-256-GCM under the key in
 * {@code DIR/secret.key} (32 random bytes, created on first use, mode 600). The name is bound into
 * the authentication tag, so a file renamed to another secret's name does not decrypt. Reading
 * returns the clear text to the caller that needs it (a driver logging in); nothing else ever sees
 * it: configuration holds only the name, and {@link #toString} and errors never show values.
 *
 * <p>Thread-safe for distinct names; a name is written atomically (write, then rename).
 */
public final class SecretStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path directory;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private SecretStore(Path directory, SecretKeySpec key) {
    this.directory = directory;
    this.key = key;
  }

  /**
   * Opens the store in {@code directory}, creating it and its key on first use.
   *
   * @throws IOException if the key file is missing a part, or readable by others than its owner
   */
  public static SecretStore open(Path directory) throws IOException {
    Files.createDirectories(directory);
    var keyFile = directory.resolve("secret.key");
    if (!Files.exists(keyFile)) {
      var bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      var tmp = directory.resolve("secret.key.tmp");
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
      throw new IOException(keyFile + " does not hold a 256-bit key");
    }
    return new SecretStore(directory, new SecretKeySpec(bytes, "AES"));
  }

  /** Stores (or replaces) a secret. The caller may clear {@code secret} afterwards. */
  public void put(String name, char[] secret) throws IOException {
    checkName(name);
    var plain = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret));
    var bytes = new byte[plain.remaining()];
    plain.get(bytes);
    try {
      var nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      var sealed = cipher.doFinal(bytes);
      var out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
      out.put(VERSION).put(nonce).put(sealed);
      var tmp = directory.resolve(name + ".secret.tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.write(tmp, out.array());
      Files.move(
          tmp, file(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * The secret named {@code name}, if stored.
   *
   * @throws IOException if the file was altered, renamed or encrypted under another key
   */
  public Optional<char[]> get(String name) throws IOException {
    checkName(name);
    var file = file(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    var data = Files.readAllBytes(file);
    if (data.length < 1 + NONCE_BYTES + TAG_BITS / 8 || data[0] != VERSION) {
      throw new IOException("secret '" + name + "' is not in a known format");
    }
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 1, NONCE_BYTES));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      var plain = cipher.doFinal(data, 1 + NONCE_BYTES, data.length - 1 - NONCE_BYTES);
      var chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
      Arrays.fill(plain, (byte) 0);
      var out = new char[chars.remaining()];
      chars.get(out);
      return Optional.of(out);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IOException(
          "secret '" + name + "' does not decrypt: altered, renamed, or another key");
    } catch (GeneralSecurityException e) {
      throw new IOException("secret '" + name + "' cannot be read: " + e.getMessage());
    }
  }

  /** Removes a secret; true if it existed. */
  public boolean remove(String name) throws IOException {
    checkName(name);
    return Files.deleteIfExists(file(name));
  }

  private Path file(String name) {
    return directory.resolve(name + ".secret");
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a secret name is 1..253 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  @Override
  public String toString() {
    return "SecretStore[" + directory + "]";
  }
}
