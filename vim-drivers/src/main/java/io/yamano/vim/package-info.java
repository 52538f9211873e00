/**
 * The southbound SPI towards Virtualised Infrastructure Managers.
 *
 * <p>A {@link io.yamano.vim.VimDriver} is found with {@link java.util.ServiceLoader} (see {@link
 * io.yamano.vim.VimDrivers}) and turns a {@link io.yamano.vim.VimAccount} into a {@link
 * io.yamano.vim.VimConnection}: reserve and release capacity, create and delete compute, networks,
 * ports and volumes, read status and usage, and list everything the account owns so that drift and
 * orphans can be found. Requests and resources are plain records; every failure is a {@link
 * io.yamano.vim.VimException} with a {@link io.yamano.vim.VimException.Reason}.
 *
 * <p>This package does not depend on the datastore: translators fill a {@code VimAccount} from the
 * {@code yamano-vim} YANG configuration.
 */
package io.yamano.vim;
