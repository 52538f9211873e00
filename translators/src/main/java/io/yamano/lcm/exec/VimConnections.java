package io.yamano.lcm.exec;

import io.yamano.vim.VimAccount;
import io.yamano.vim.VimConnection;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.VimException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * One open connection per VIM account, opened on first use and reopened when the account's
 * configuration changes, plus the permits that bound concurrent calls per account. Thread-safe.
 */
public final class VimConnections implements AutoCloseable {

  private record Open(VimAccount account, VimConnection connection) {}

  private final VimDrivers drivers;
  private final Function<String, Optional<VimAccount>> accounts;
  private final int permitsPerAccount;
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

  /**
   * @param accounts the configured account of a name, read at each {@link #connection} call
   * @param permitsPerAccount how many calls may run at once against one account
   */
  public VimConnections(
      VimDrivers drivers, Function<String, Optional<VimAccount>> accounts, int permitsPerAccount) {
    this.drivers = drivers;
    this.accounts = accounts;
    this.permitsPerAccount = permitsPerAccount;
  }

  /**
   * The connection of an account.
   *
   * @throws VimException {@code INVALID_REQUEST} if no such account is configured or no driver
   *     serves its type
   */
  public VimConnection connection(String accountName) throws VimException {
    VimAccount account =
        accounts
            .apply(accountName)
            .orElseThrow(
                () ->
                    new VimException(
                        VimException.Reason.INVALID_REQUEST,
                        "no VIM account '" + accountName + "' is configured"));
    synchronized (this) {
      Open current = open.get(accountName);
      if (current != null && current.account().equals(account)) {
        return current.connection();
      }
      VimConnection connection = drivers.connect(account);
      open.put(accountName, new Open(account, connection));
      return connection;
    }
  }

  /** The permits bounding concurrent calls to one account. */
  public Semaphore permits(String accountName) {
    return permits.computeIfAbsent(accountName, a -> new Semaphore(permitsPerAccount, true));
  }

  @Override
  public synchronized void close() {
    open.values().forEach(o -> o.connection().close());
    open.clear();
  }
}
