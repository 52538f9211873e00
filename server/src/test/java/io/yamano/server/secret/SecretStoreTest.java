package io.yamano.server.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets encrypted at rest (AES-256-GCM, key file mode 600), bound to their names. */
class SecretStoreTest {
  @TempDir Path dir;

  @Test
  void roundTripAcrossReopen() throws Exception {
    SecretStore.open(dir).put("lab-openstack", "s3cr3t-pässword".toCharArray());
    assertArrayEquals(
        "s3cr3t-pässword".toCharArray(), SecretStore.open(dir).get("lab-openstack").orElseThrow());
    assertTrue(SecretStore.open(dir).get("other").isEmpty());
  }

  @Test
  void nothingInClearTextOnDisk() throws Exception {
    SecretStore.open(dir).put("k8s", "token-value-123".toCharArray());
    try (var files = Files.list(dir)) {
      for (var f : files.toList()) {
        assertFalse(
            new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("token-value"),
            f.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
      }
    }
  }

  @Test
  void alteredOrRenamedFilesDoNotDecrypt() throws Exception {
    var store = SecretStore.open(dir);
    store.put("a", "one".toCharArray());
    store.put("b", "two".toCharArray());
    Files.copy(
        dir.resolve("a.secret"),
        dir.resolve("b.secret"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThrows(IOException.class, () -> store.get("b"));
    var bytes = Files.readAllBytes(dir.resolve("a.secret"));
    bytes[bytes.length - 1] ^= 1;
    Files.write(dir.resolve("a.secret"), bytes);
    assertThrows(IOException.class, () -> store.get("a"));
  }

  @Test
  void anotherKeyDoesNotDecrypt() throws Exception {
    SecretStore.open(dir).put("a", "one".toCharArray());
    Files.delete(dir.resolve("secret.key"));
    assertThrows(IOException.class, () -> SecretStore.open(dir).get("a"));
  }

  @Test
  void keyReadableByOthersIsRefused() throws Exception {
    SecretStore.open(dir);
    Files.setPosixFilePermissions(
        dir.resolve("secret.key"), PosixFilePermissions.fromString("rw-r--r--"));
    var e = assertThrows(IOException.class, () -> SecretStore.open(dir));
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
  }

  @Test
  void namesCannotEscapeTheDirectory() throws Exception {
    var store = SecretStore.open(dir);
    assertThrows(IllegalArgumentException.class, () -> store.put("../x", "v".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> store.get("/etc/passwd"));
  }
}
