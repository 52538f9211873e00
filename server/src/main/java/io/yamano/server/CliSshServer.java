package io.yamano.server;

import io.yamano.cli.CliEnvironment;
import io.yamano.cli.CliSession;
import io.yamano.cli.shell.CliShell;
import io.yamano.netconf.transport.HostKeys;
import io.yamano.netconf.transport.UserAuthenticator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.shell.ShellFactory;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The SSH CLI: a second SSH server (same host keys and users as NETCONF) whose only service is an
 * interactive shell running {@link CliShell}. Each shell gets its own datastore session.
 */
public final class CliSshServer implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CliSshServer.class);

  /** CLI datastore session ids start here, apart from NETCONF's. */
  static final long FIRST_SESSION_ID = 1_000_000;

  /** Where CLI sessions are recorded as they start and end (the audit log). */
  public interface SessionTrail {
    SessionTrail NONE =
        new SessionTrail() {
          @Override
          public void started(long id, String user, String source) {}

          @Override
          public void ended(long id, String user, String source, String reason) {}
        };

    void started(long id, String user, String source);

    void ended(long id, String user, String source, String reason);
  }

  private final SshServer sshd;
  private final CliEnvironment env;
  private SessionTrail trail = SessionTrail.NONE;
  private final AtomicLong sessionIds = new AtomicLong(FIRST_SESSION_ID);
  private final AtomicBoolean closed = new AtomicBoolean();

  private CliSshServer(SshServer sshd, CliEnvironment env) {
    this.sshd = sshd;
    this.env = env;
  }

  /**
   * Starts listening.
   *
   * @throws BindException naming the address if it cannot be bound
   */
  public static CliSshServer start(
      InetSocketAddress address, Path hostKeyDirectory, UserAuthenticator users, CliEnvironment env)
      throws IOException {
    return start(address, hostKeyDirectory, users, env, SessionTrail.NONE);
  }

  /** Starts listening, recording each session's start and end in {@code trail}. */
  public static CliSshServer start(
      InetSocketAddress address,
      Path hostKeyDirectory,
      UserAuthenticator users,
      CliEnvironment env,
      SessionTrail trail)
      throws IOException {
    var sshd = SshServer.setUpDefaultServer();
    var server = new CliSshServer(sshd, env);
    server.trail = trail;
    sshd.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
    sshd.setHost(address.getHostString());
    sshd.setPort(address.getPort());
    sshd.setKeyPairProvider(HostKeys.load(hostKeyDirectory));
    sshd.setSignatureFactories(
        List.of(
            BuiltinSignatures.ed25519,
            BuiltinSignatures.nistp256,
            BuiltinSignatures.rsaSHA512,
            BuiltinSignatures.rsaSHA256));
    sshd.setPasswordAuthenticator((user, password, session) -> users.checkPassword(user, password));
    sshd.setPublickeyAuthenticator(
        (user, key, session) ->
            users.authorizedKeys(user).stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setGSSAuthenticator(null);
    sshd.setHostBasedAuthenticator(null);
    sshd.setShellFactory((ShellFactory) channel -> server.new Shell());
    sshd.setCommandFactory((channel, command) -> server.new Exec(command));
    try {
      sshd.start();
    } catch (IOException e) {
      server.close();
      var bind =
          new BindException(
              "cannot listen for the CLI on "
                  + address.getHostString()
                  + " port "
                  + address.getPort()
                  + ": "
                  + e.getMessage());
      bind.initCause(e);
      throw bind;
    }
    return server;
  }

  private static String source(ChannelSession channel) {
    return channel.getSession().getClientAddress() instanceof InetSocketAddress a
            && a.getAddress() != null
        ? a.getAddress().getHostAddress()
        : String.valueOf(channel.getSession().getClientAddress());
  }

  public int port() {
    return sshd.getPort();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        sshd.stop(true);
      } catch (IOException e) {
        // stopping anyway
      }
    }
  }

  /**
   * {@code ssh -p PORT user@host 'show ns-instance'}: runs command lines (separated by newlines or
   * {@code ;}) in operational mode without a terminal; exit status 1 if one failed.
   */
  private final class Exec implements Command {
    private final String commands;
    private OutputStream out;
    private ExitCallback exit;

    Exec(String commands) {
      this.commands = commands;
    }

    @Override
    public void setInputStream(InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) {
      var user = channel.getSession().getUsername();
      var source = source(channel);
      var thread =
          new Thread(
              () -> {
                int code = 0;
                long id = sessionIds.incrementAndGet();
                trail.started(id, user, source);
                try (var cli =
                    new CliSession(
                        env,
                        env.datastore().openSession(id, user, "cli"),
                        io.yamano.cli.Interaction.answering(false))) {
                  for (var line : commands.split("[;\\n]")) {
                    if (line.isBlank()) {
                      continue;
                    }
                    var text = cli.execute(line.strip());
                    if (cli.lastFailed() && text.startsWith(" ")) {
                      // a syntax error's caret points into the command line: show it
                      text = cli.prompt() + line.strip() + "\n" + text;
                    }
                    out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (cli.lastFailed()) {
                      code = 1;
                      break;
                    }
                  }
                } catch (IOException | RuntimeException e) {
                  code = 1;
                  LOG.warn("CLI command of {} failed", user, e);
                }
                trail.ended(id, user, source, code == 0 ? "closed" : "failed");
                exit.onExit(code);
              },
              "cli-exec-" + user);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }

  /** One interactive shell channel. */
  private final class Shell implements Command {
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private Thread thread;
    private Terminal terminal;

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) throws IOException {
      var vars = environment.getEnv();
      var user = channel.getSession().getUsername();
      var source = source(channel);
      // a terminal in memory on the channel's streams: no local pty per session
      terminal =
          new ExternalTerminal(
              "yamano-cli",
              vars.getOrDefault(Environment.ENV_TERM, "vt100"),
              in,
              out,
              StandardCharsets.UTF_8);
      terminal.setSize(size(vars));
      applyModes(terminal, environment);
      environment.addSignalListener(
          (ch, signal) -> {
            terminal.setSize(size(environment.getEnv()));
            terminal.raise(Terminal.Signal.WINCH);
          },
          Signal.WINCH);
      thread =
          new Thread(
              () -> {
                int code = 0;
                long id = sessionIds.incrementAndGet();
                trail.started(id, user, source);
                try {
                  var datastoreSession = env.datastore().openSession(id, user, "cli");
                  new CliShell(
                          terminal,
                          interaction -> new CliSession(env, datastoreSession, interaction))
                      .run();
                } catch (RuntimeException e) {
                  code = 1;
                  LOG.warn("CLI session of {} failed", user, e);
                } finally {
                  trail.ended(id, user, source, code == 0 ? "closed" : "failed");
                  try {
                    terminal.close();
                  } catch (IOException e) {
                    // the channel is going away
                  }
                  exit.onExit(code);
                }
              },
              "cli-" + user);
      thread.setDaemon(true);
      thread.start();
    }

    private static Size size(java.util.Map<String, String> vars) {
      return new Size(
          parse(vars.get(Environment.ENV_COLUMNS), 80), parse(vars.get(Environment.ENV_LINES), 24));
    }

    private static int parse(String text, int fallback) {
      try {
        return text == null ? fallback : Integer.parseInt(text);
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    private static void applyModes(Terminal terminal, Environment environment) {
      // the client's PTY modes say which key erases; everything else keeps JLine's defaults
      Attributes attributes = terminal.getAttributes();
      var erase = environment.getPtyModes().get(org.apache.sshd.common.channel.PtyMode.VERASE);
      if (erase != null) {
        attributes.setControlChar(Attributes.ControlChar.VERASE, erase);
      }
      terminal.setAttributes(attributes);
    }

    @Override
    public void destroy(ChannelSession channel) {
      if (thread != null) {
        thread.interrupt();
      }
    }
  }
}
