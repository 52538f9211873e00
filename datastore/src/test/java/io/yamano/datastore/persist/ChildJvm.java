package io.yamano.datastore.persist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link CommitLogChild} in its own JVM, its stdout collected line by line. */
final class ChildJvm {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstDurable = new CountDownLatch(1);
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                  if (line.startsWith("durable ")) {
                    firstDurable.countDown();
                  }
                }
              } catch (IOException e) {
                // the child was killed mid-line: what was read so far is all it reported
              }
            });
    reader.start();
  }

  /** Starts {@code CommitLogChild mode dir extra...}, optionally under a shell resource limit. */
  static ChildJvm start(String shellPrefix, String mode, Path dir, String... extra)
      throws IOException {
    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.add("-Xmx256m");
    java.add("-XX:TieredStopAtLevel=1");
    java.add("-cp");
    java.add(System.getProperty("java.class.path"));
    java.add(CommitLogChild.class.getName());
    java.add(mode);
    java.add(dir.toString());
    java.addAll(List.of(extra));
    List<String> command;
    if (shellPrefix == null) {
      command = java;
    } else {
      var quoted = new StringBuilder(shellPrefix).append("; exec");
      for (String arg : java) {
        quoted.append(" '").append(arg.replace("'", "'\\''")).append('\'');
      }
      command = List.of("bash", "-c", quoted.toString());
    }
    return new ChildJvm(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  static ChildJvm start(String mode, Path dir, String... extra) throws IOException {
    return start(null, mode, dir, extra);
  }

  boolean awaitFirstDurable(long seconds) throws InterruptedException {
    return firstDurable.await(seconds, TimeUnit.SECONDS);
  }

  /**
   * SIGKILL, then waits for the child and its output. Killed through its handle: {@link
   * Process#destroyForcibly()} also closes our end of the pipe, which loses the lines the reader
   * has not taken yet and makes the child look as if it had acknowledged less than it did.
   */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    awaitExit(30);
  }

  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    reader.join(10_000);
    return process.exitValue();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** The sequences the child reported durable, in order. */
  List<Long> durable() {
    List<Long> result = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("durable ")) {
        result.add(Long.parseLong(line.substring("durable ".length()).trim()));
      }
    }
    return result;
  }
}
