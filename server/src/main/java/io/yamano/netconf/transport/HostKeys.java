package io.yamano.netconf.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The server's persistent host keys: Ed25519 and RSA 3072 (the RSA key is offered as {@code
 * rsa-sha2-512}, {@code rsa-sha2-256} and {@code ssh-rsa}, the last for libssh2-based clients that
 * know no other). Generated into the directory on first start, loaded afterwards.
 */
public final class HostKeys {
  static final String RSA_FILE = "ssh_host_rsa_key";
  static final String ED25519_FILE = "ssh_host_ed25519_key";

  private HostKeys() {}

  public static KeyPairProvider load(Path directory) throws IOException {
    Files.createDirectories(directory);
    List<KeyPair> keys = new ArrayList<>();
    if (SecurityUtils.isEDDSACurveSupported()) {
      keys.addAll(provider(directory.resolve(ED25519_FILE), SecurityUtils.EDDSA, 256));
    }
    keys.addAll(provider(directory.resolve(RSA_FILE), KeyUtils.RSA_ALGORITHM, 3072));
    return KeyPairProvider.wrap(keys);
  }

  private static List<KeyPair> provider(Path file, String algorithm, int size) throws IOException {
    var provider = new SimpleGeneratorHostKeyProvider(file);
    provider.setAlgorithm(algorithm);
    provider.setKeySize(size);
    List<KeyPair> keys;
    try {
      keys = provider.loadKeys(null);
    } catch (RuntimeException e) {
      throw new IOException("cannot load or create the host key " + file, e);
    }
    if (keys.isEmpty()) {
      throw new IOException("cannot load or create the " + algorithm + " host key " + file);
    }
    return keys;
  }
}
