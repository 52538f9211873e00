package io.yamano.onboarding.pkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The package store: {@code DATA_DIR/packages/<package-id>/} holds every file of an onboarded
 * package under its path inside the package (images, cloud-init, scripts, charms, the descriptors
 * as received) and {@code onboarding-report.txt}. Descriptors refer to artifacts by those paths.
 */
public final class PackageStore {
  private final Path root;

  public PackageStore(Path dataDir) {
    this.root = dataDir.resolve("packages");
  }

  public Path directory(String packageId) {
    return root.resolve(packageId);
  }

  public boolean exists(String packageId) {
    return Files.isDirectory(directory(packageId));
  }

  /** Writes the files into a temporary directory first, then renames it into place. */
  public Path store(String packageId, PackageContent content, String report) throws IOException {
    Files.createDirectories(root);
    Path target = directory(packageId);
    Path temporary = Files.createTempDirectory(root, "." + packageId + "-");
    try {
      for (var file : content.files().entrySet()) {
        Path path = temporary.resolve(file.getKey()).normalize();
        if (!path.startsWith(temporary)) {
          throw new IOException("unsafe path " + file.getKey());
        }
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
      Files.writeString(temporary.resolve("onboarding-report.txt"), report);
      Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException | RuntimeException e) {
      deleteTree(temporary);
      throw e;
    }
  }

  public void delete(String packageId) throws IOException {
    deleteTree(directory(packageId));
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
