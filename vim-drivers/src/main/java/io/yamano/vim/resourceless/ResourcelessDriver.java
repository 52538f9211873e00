package io.yamano.vim.resourceless;

import io.yamano.vim.VimAccount;
import io.yamano.vim.VimDriver;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
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
      vims.put(account.name(), vim);
    } else {
      vim.reconfigure(account);
    }
    return vim;
  }

  /** Drops the VIM of an account that no longer exists, with everything it held. */
  public synchronized void forget(String accountName) {
    vims.remove(accountName);
  }
}
