package io.yamano.vim;

/**
 * A kind of VIM Yamano can drive, registered in {@code META-INF/services/io.yamano.vim.VimDriver}.
 *
 * <p>Implementations must have a public no-argument constructor and be thread-safe. There is one
 * driver per {@link #type()}; {@link VimDrivers} refuses two drivers claiming the same type.
 */
public interface VimDriver {

  /**
   * The VIM type this driver serves, spelled as the {@code vim-type} enumeration of the {@code
   * yamano-vim} YANG module (for example {@code resource-less}, {@code openstack}).
   */
  String type();

  /**
   * Opens a connection for one VIM account.
   *
   * @param account the account, whose {@link VimAccount#type()} equals {@link #type()}
   * @return a thread-safe connection; closing it releases client resources, never VIM resources
   * @throws VimException {@code INVALID_REQUEST} if the account cannot be used by this driver,
   *     {@code UNREACHABLE} if the VIM does not answer
   */
  VimConnection connect(VimAccount account) throws VimException;

  /**
   * Gives the driver a directory for state it must not lose over a restart of Yamano (the
   * resource-less VIM keeps its simulated infrastructure there; drivers of real VIMs have nothing
   * to keep and ignore it). Called once, before the first {@link #connect}.
   */
  default void useStateDirectory(java.nio.file.Path directory) {}
}
