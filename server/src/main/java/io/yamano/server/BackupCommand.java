package io.yamano.server;

import io.yamano.datastore.persist.CorruptStoreException;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.persist.StoreInUseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yamano backup} and {@code yamano restore}: a consistent copy of a data directory, taken
 * while the server runs or not.
 *
 * <p>Why a plain copy is consistent: the journals are append-only segments plus immutable snapshot
 * files. The copy takes snapshots first, then segments in order; a frame being appended while it is
 * copied is a torn tail, which opening the copy drops (it was not acknowledged when the copy
 * began). A compaction that deletes a file during the copy shows up as a missing file or a gap, and
 * the copy starts over. Every backup is opened and checked before it is written out.
 */
final class BackupCommand {
  private static final String LOCK = JournalFileCommitLog.LOCK_FILE;
  private static final List<String> JOURNALS = List.of("config", "operational");
  private static final int ATTEMPTS = 5;

  private BackupCommand() {}

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = "Write a consistent copy of the data directory to a zip file (online or not).")
  static final class Backup implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./var")
    Path dataDir;

    @Parameters(paramLabel = "FILE.zip")
    Path target;

    @Override
    public Integer call() {
      if (!Files.isDirectory(dataDir.resolve("config"))) {
        System.err.println("yamano backup: " + dataDir + " holds no Yamano data");
        return ExitCodes.FAILED;
      }
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        Path scratch = null;
        try {
          scratch = Files.createTempDirectory("yamano-backup");
          copy(dataDir, scratch);
          verify(scratch);
          zip(scratch, target);
          System.out.println("Backup of " + dataDir + " written to " + target);
          return ExitCodes.OK;
        } catch (NoSuchFileException | CorruptStoreException e) {
          // compaction ran during the copy: take it again
        } catch (IOException | UncheckedIOException e) {
          System.err.println("yamano backup: " + e.getMessage());
          return ExitCodes.FAILED;
        } finally {
          deleteQuietly(scratch);
        }
      }
      System.err.println("yamano backup: the data changed under every attempt; try again");
      return ExitCodes.FAILED;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Restore a data directory from a backup (server stopped).",
        "An existing directory is kept aside as DIR.before-restore-TIME with --force."
      })
  static final class Restore implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./var")
    Path dataDir;

    @Option(names = "--force", description = "Replace an existing data directory (kept aside).")
    boolean force;

    @Parameters(paramLabel = "FILE.zip")
    Path source;

    @Override
    public Integer call() {
      var dir = dataDir.toAbsolutePath().normalize();
      try {
        if (Files.isDirectory(dir.resolve("config"))) {
          // a running server holds the journal lock
          JournalFileCommitLog.open(dir.resolve("config")).close();
        }
        if (Files.isDirectory(dir) && !isEmpty(dir) && !force) {
          System.err.println("yamano restore: " + dir + " is not empty; use --force to replace it");
          return ExitCodes.FAILED;
        }
        var scratch = Files.createTempDirectory(dir.getParent(), ".restore-");
        try {
          unzip(source, scratch);
          verify(scratch);
          if (Files.exists(dir)) {
            var aside =
                dir.resolveSibling(
                    dir.getFileName() + ".before-restore-" + Instant.now().getEpochSecond());
            Files.move(dir, aside);
            System.out.println("Previous data kept in " + aside);
          }
          Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
          deleteQuietly(scratch);
          throw e;
        }
        System.out.println("Restored " + dir + " from " + source);
        return ExitCodes.OK;
      } catch (StoreInUseException e) {
        System.err.println("yamano restore: the server is running on " + dir + "; stop it first");
        return ExitCodes.IN_USE;
      } catch (IOException | RuntimeException e) {
        System.err.println("yamano restore: " + e.getMessage());
        return ExitCodes.FAILED;
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.findAny().isEmpty();
    }
  }

  static void copy(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
    }
    // snapshots before journal segments, segments in order (see the class comment)
    files.sort(
        Comparator.comparing((Path p) -> p.getFileName().toString().startsWith("journal-"))
            .thenComparing(p -> p.getFileName().toString()));
    for (var file : files) {
      var name = file.getFileName().toString();
      if (name.equals(LOCK) || name.endsWith(".tmp")) {
        continue;
      }
      var target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** Opens each journal of a copied directory: recovery checks it and drops a torn tail. */
  static void verify(Path dir) throws IOException {
    for (var journal : JOURNALS) {
      var path = dir.resolve(journal);
      if (Files.isDirectory(path)) {
        try (var log = JournalFileCommitLog.open(path)) {
          log.recover();
        }
        Files.deleteIfExists(path.resolve(LOCK));
      }
    }
  }

  static void zip(Path dir, Path target) throws IOException {
    var absolute = target.toAbsolutePath();
    var partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    // The copy holds the secret key with the sealed secrets: only its owner may read it.
    Files.deleteIfExists(partial);
    Files.createFile(
        partial,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    try (var out = new ZipOutputStream(Files.newOutputStream(partial));
        Stream<Path> walk = Files.walk(dir)) {
      for (var file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    Files.move(
        partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void unzip(Path source, Path dir) throws IOException {
    try (var in = new ZipInputStream(Files.newInputStream(source))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        var target = dir.resolve(entry.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException(
              "the backup names a file outside the data directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
          Files.setPosixFilePermissions(
              target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
      }
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (var p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        try {
          Files.deleteIfExists(p);
        } catch (DirectoryNotEmptyException e) {
          // left behind
        }
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
