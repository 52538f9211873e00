package io.yamano.broker.netconf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's netconfd (yuma123) as a VNF's management agent: behind a private OpenSSH sshd on
 * loopback that runs {@code netconf-subsystem} for the {@code netconf} subsystem, with one YANG
 * module loaded by {@code --module}. Login as the current user with an RSA key generated here;
 * everything lives in a temp dir removed on close. Shared with other modules' tests through this
 * module's test jar.
 */
public final class NetconfdAgent implements AutoCloseable {
  static final Path NETCONFD = Path.of("/usr/sbin/netconfd");
  static final Path SUBSYSTEM = Path.of("/usr/sbin/netconf-subsystem");
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  public final Path dir;
  public final int port;
  public final String user = System.getProperty("user.name");
  public final Path clientKey;
  private final List<Process> processes = new ArrayList<>();

  /** Whether netconfd and OpenSSH's sshd are installed. */
  public static boolean installed() {
    return Files.isExecutable(NETCONFD)
        && Files.isExecutable(SUBSYSTEM)
        && Files.isExecutable(SSHD);
  }

  /**
   * Starts netconfd with {@code module}.
   *
   * @param target {@code candidate} (announces :candidate) or {@code running} (:writable-running)
   */
  public static NetconfdAgent start(Path module, String target)
      throws IOException, InterruptedException {
    var agent = new NetconfdAgent(Files.createTempDirectory("broker-netconfd-"));
    try {
      agent.launch(module, target);
      return agent;
    } catch (IOException | InterruptedException | RuntimeException e) {
      agent.close();
      throw e;
    }
  }

  private NetconfdAgent(Path dir) throws IOException {
    this.dir = dir;
    this.port = freePort();
    this.clientKey = dir.resolve("client_rsa");
  }

  private void launch(Path module, String target) throws IOException, InterruptedException {
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path sock = dir.resolve("ncxserver.sock");
    run("ssh-keygen", "-q", "-t", "rsa", "-N", "", "-f", dir.resolve("host_rsa").toString());
    run(
        "ssh-keygen",
        "-q",
        "-t",
        "rsa",
        "-b",
        "3072",
        "-m",
        "PEM",
        "-N",
        "",
        "-f",
        clientKey.toString());
    Files.copy(dir.resolve("client_rsa.pub"), dir.resolve("authorized_keys"));
    Files.writeString(
        dir.resolve("sshd_config"),
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + dir.resolve("host_rsa"),
            "PidFile " + dir.resolve("sshd.pid"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "StrictModes no",
            "UsePAM no",
            "LogLevel ERROR",
            "Subsystem netconf \""
                + SUBSYSTEM
                + " --ncxserver-sockname="
                + port
                + "@"
                + sock
                + "\"",
            ""));
    Path home = dir.resolve("yuma-home");
    Files.createDirectories(home.resolve("data"));
    Path modules = Files.createDirectories(home.resolve("modules"));
    Path copy = modules.resolve(module.getFileName());
    Files.copy(module, copy);
    var cmd =
        List.of(
            NETCONFD.toString(),
            "--port=" + port,
            "--ncxserver-sockname=" + sock,
            "--yuma-home=" + home,
            "--modpath=" + modules + ":/usr/share/yuma/modules",
            "--target=" + target,
            "--no-startup",
            "--access-control=off",
            "--log-level=error",
            "--log=" + dir.resolve("netconfd.log"),
            "--superuser=" + user,
            "--module=" + copy);
    var pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("netconfd.out").toFile());
    pb.environment().put("HOME", home.toString());
    Process netconfd = pb.start();
    processes.add(netconfd);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(sock)) {
      if (!netconfd.isAlive() || System.nanoTime() > deadline) {
        throw new IOException("netconfd did not start: " + logs());
      }
      Thread.sleep(20);
    }
    if (isRoot()) {
      // sshd's privilege separation directory, as its service unit creates it
      Files.createDirectories(Path.of("/run/sshd"));
    }
    Process sshd =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sshd.log").toFile())
            .start();
    processes.add(sshd);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!listening(port)) {
      if (!sshd.isAlive() || System.nanoTime() > deadline) {
        throw new IOException("sshd did not start: " + logs());
      }
      Thread.sleep(20);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Starts netconfd with the test module {@code acme-fw} (a resource of this module's tests). */
  public static NetconfdAgent startAcmeFirewall(String target)
      throws IOException, InterruptedException {
    Path module = Files.createTempDirectory("broker-module-").resolve("acme-fw.yang");
    try (var in = NetconfdAgent.class.getResourceAsStream("/netconfd/acme-fw.yang")) {
      Files.copy(in, module);
    }
    try {
      return start(module, target);
    } finally {
      Files.deleteIfExists(module);
      Files.deleteIfExists(module.getParent());
    }
  }

  public String logs() {
    var out = new StringBuilder();
    for (String f : List.of("netconfd.out", "netconfd.log", "sshd.log")) {
      Path p = dir.resolve(f);
      if (Files.exists(p)) {
        try {
          out.append("\n--- ").append(f).append('\n').append(Files.readString(p));
        } catch (IOException e) {
          out.append(e);
        }
      }
    }
    return out.toString();
  }

  /**
   * The running configuration under {@code subtree}, read by ncclient (Debian's python3-ncclient):
   * a client that is not Yamano's.
   */
  public String readWithNcclient(String subtree) throws IOException, InterruptedException {
    Path script = dir.resolve("get_config.py");
    if (!Files.exists(script)) {
      try (var in = NetconfdAgent.class.getResourceAsStream("/netconfd/get_config.py")) {
        Files.copy(in, script);
      }
    }
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                script.toString(),
                "127.0.0.1",
                Integer.toString(port),
                user,
                clientKey.toString(),
                subtree)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ncclient get-config failed: " + out);
    }
    return out;
  }

  public static int freePort() throws IOException {
    try (var s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (var s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    if (System.getenv("KEEP_AGENT_DIR") == null) {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
