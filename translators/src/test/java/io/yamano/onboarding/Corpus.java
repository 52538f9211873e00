package io.yamano.onboarding;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Third-party descriptors and packages the tests read in place, from {@code ../shared/corpus}
 * beside the repository root (never copied into the repository).
 */
final class Corpus {
  private Corpus() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      fail(
          "cannot find the repository root (a folder with mvnw) above "
              + Path.of("").toAbsolutePath());
    }
    Path corpus = dir.resolve("../shared/corpus").normalize();
    if (!Files.isDirectory(corpus)) {
      fail("the third-party corpus is missing: expected it at " + corpus);
    }
    return corpus;
  }

  static Path osm(String file) {
    return existing(root().resolve("osm-descriptors").resolve(file));
  }

  static Path etsi(String version, String file) {
    return existing(root().resolve("yang/etsi-sol006-" + version + "/example-data").resolve(file));
  }

  static Path tacker(String name) {
    return existing(root().resolve("tacker").resolve(name));
  }

  private static Path existing(Path path) {
    if (!Files.exists(path)) {
      fail("corpus file missing: " + path);
    }
    return path;
  }
}
