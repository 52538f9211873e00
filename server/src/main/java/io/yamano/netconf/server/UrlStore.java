package io.yamano.netconf.server;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files {@code <url>} parameters may name ({@code :url} capability with scheme {@code file},
 * RFC 6241 §8.8): only inside one directory. A URL that is not {@code file:}, or whose path leaves
 * the directory (by {@code ..} or a symbolic link) is refused with {@code access-denied} or {@code
 * invalid-value}; nothing outside is read, written or deleted.
 */
final class UrlStore {
  private final Path root;

  /**
   * @param root the directory URLs are confined to; created when first written
   */
  UrlStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** The file a URL names, checked to be inside the directory. */
  Path resolve(String url) throws RpcException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw Errors.invalidValue("url", "'" + url + "' is not a URL: " + e.getMessage());
    }
    if (!"file".equalsIgnoreCase(uri.getScheme())) {
      throw Errors.invalidValue(
          "url", "only file: URLs are supported (capability :url?scheme=file), not '" + url + "'");
    }
    if (uri.getAuthority() != null && !uri.getAuthority().equals("localhost")) {
      throw denied(url);
    }
    String path = uri.getPath();
    if (path == null || path.isEmpty()) {
      throw Errors.invalidValue("url", "'" + url + "' names no file");
    }
    Path file = path.startsWith("/") ? Path.of(path) : root.resolve(path);
    file = file.toAbsolutePath().normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw denied(url);
    }
    try {
      // a symbolic link inside the directory must not lead outside it
      Path existing = file;
      while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      if (existing != null && Files.exists(root)) {
        if (!existing.toRealPath().startsWith(root.toRealPath())) {
          throw denied(url);
        }
      }
    } catch (IOException e) {
      throw denied(url);
    }
    return file;
  }

  byte[] read(String url) throws RpcException {
    Path file = resolve(url);
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw Errors.invalidValue("url", "no file at '" + url + "'");
    } catch (IOException e) {
      throw Errors.failed("cannot read '" + url + "': " + e.getMessage());
    }
  }

  void write(String url, byte[] content) throws RpcException {
    Path file = resolve(url);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
      Files.write(tmp, content);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw Errors.failed("cannot write '" + url + "': " + e.getMessage());
    }
  }

  void delete(String url) throws RpcException {
    Path file = resolve(url);
    try {
      if (!Files.deleteIfExists(file)) {
        throw Errors.invalidValue("url", "no file at '" + url + "'");
      }
    } catch (IOException e) {
      throw Errors.failed("cannot delete '" + url + "': " + e.getMessage());
    }
  }

  private RpcException denied(String url) {
    return new RpcException(
        Errors.protocol(
            ErrorTag.ACCESS_DENIED,
            "'" + url + "' is outside the files directory of this server",
            Map.of()));
  }
}
