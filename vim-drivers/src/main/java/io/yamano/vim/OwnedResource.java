package io.yamano.vim;

/**
 * A resource held in a VIM on Yamano's behalf. The records are complete: a list of them is enough
 * for {@link VimConnection#restore} to rebuild a VIM that has no infrastructure to ask.
 */
public sealed interface OwnedResource extends java.io.Serializable
    permits Compute, Network, Port, Volume {

  /** The VIM's id, unique within the account. */
  String id();

  ResourceKind kind();

  /** The name given in the request. */
  String name();

  OwnerTag owner();

  ResourceStatus status();

  /** The same resource with another status. */
  OwnedResource withStatus(ResourceStatus status);
}
