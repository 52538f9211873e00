package io.yamano.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How {@code yamano serve} runs; checked once at start.
 *
 * @param dataDir where the store, host keys and generated password live (default {@code ./var})
 * @param modelDirs extra YANG modules to load next to the bundled ones
 * @param lenientModels repair known, documented defects of third-party modules instead of refusing
 * @param listen the address every listener binds (default 127.0.0.1)
 * @param netconfPort NETCONF over SSH (default 2830)
 * @param cliPort the SSH CLI (default 2831)
 * @param restconfPort RESTCONF over HTTPS (default 8443)
 * @param restconfPlainHttp serve RESTCONF over plain HTTP instead of HTTPS (default false)
 */
public record ServeOptions(
    Path dataDir,
    List<Path> modelDirs,
    boolean lenientModels,
    InetAddress listen,
    int netconfPort,
    int cliPort,
    int restconfPort,
    boolean restconfPlainHttp) {
  public ServeOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(listen, "listen");
    modelDirs = List.copyOf(modelDirs);
    checkPort("--netconf-port", netconfPort);
    checkPort("--cli-port", cliPort);
    checkPort("--restconf-port", restconfPort);
  }

  /** Options with RESTCONF over HTTPS. */
  public ServeOptions(
      Path dataDir,
      List<Path> modelDirs,
      boolean lenientModels,
      InetAddress listen,
      int netconfPort,
      int cliPort,
      int restconfPort) {
    this(dataDir, modelDirs, lenientModels, listen, netconfPort, cliPort, restconfPort, false);
  }

  private static void checkPort(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + " must be 0..65535, not " + port);
    }
  }
}
