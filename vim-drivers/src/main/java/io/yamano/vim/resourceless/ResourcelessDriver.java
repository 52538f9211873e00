package io.yamano.vim.resourceless;

import io.yamano.vim.VimAccount;
import io.yamano.vim.VimDriver;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The driver of type {@value #TYPE}. It keeps one {@link ResourcelessVim} per account name for its
 * own lifetime: connecting again to the same account returns the same VIM, reconfigured with the
 * account's new capacity, zones and options, so resources survive a configuration change.
 */
public final class ResourcelessDriver implements VimDriver {

  /** The {@code vim-type} enumeration value this driver serves. */
  public static final String TYPE = "resource-less";

  private final Map<String, ResourcelessVim> vims = new HashMap<>();
  private final Map<String, ResourceJournal> journals = new HashMap<>();
  private Path stateDirectory;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public synchronized ResourcelessVim connect(VimAccount account) throws VimException {
    if (!TYPE.equals(account.type())) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          "VIM account '"
              + account.name()
              + "' has type '"
              + account.type()
              + "', this driver serves '"
              + TYPE
              + "'");
    }
    ResourcelessVim vim = vims.get(account.name());
    if (vim == null) {
      vim = new ResourcelessVim(account);
      if (stateDirectory != null) {
        keep(vim, account.name());
      }
      vims.put(account.name(), vim);
    } else {
      vim.reconfigure(account);
    }
    return vim;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each account's resources are kept in {@code <account>.state} there and restored when the
   * account is first connected after a restart.
   */
  @Override
  public synchronized void useStateDirectory(Path directory) {
    this.stateDirectory = directory;
  }

  private void keep(ResourcelessVim vim, String accountName) throws VimException {
    var file = stateDirectory.resolve(fileName(accountName) + ".state");
    var restored = new java.util.TreeMap<String, io.yamano.vim.OwnedResource>();
    try {
      ResourceJournal journal = ResourceJournal.open(file, restored);
      vim.restore(restored.values());
      vim.keepIn(journal);
      journals.put(accountName, journal);
    } catch (java.io.IOException e) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          "cannot read the state of resource-less VIM account '"
              + accountName
              + "' from "
              + file
              + ": "
              + e.getMessage());
    }
  }

  /** An account name as a file name: letters, digits, '-', '_' and '.' kept, others escaped. */
  private static String fileName(String accountName) {
    var out = new StringBuilder();
    for (char c : accountName.toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || (c == '.' && out.length() > 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** Drops the VIM of an account that no longer exists, with everything it held. */
  public synchronized void forget(String accountName) {
    vims.remove(accountName);
    var journal = journals.remove(accountName);
    if (journal != null) {
      journal.close();
      try {
        java.nio.file.Files.deleteIfExists(
            stateDirectory.resolve(fileName(accountName) + ".state"));
      } catch (java.io.IOException e) {
        // a stale file is restored only if an account of the same name comes back
      }
    }
  }
}
