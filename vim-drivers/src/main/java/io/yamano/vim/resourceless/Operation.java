package io.yamano.vim.resourceless;

import io.yamano.vim.ResourceKind;

/** The calls of a VIM connection, as failure rules name them. */
public enum Operation {
  RESERVE,
  RELEASE,
  CREATE_COMPUTE,
  CREATE_NETWORK,
  CREATE_PORT,
  CREATE_VOLUME,
  DELETE_COMPUTE,
  DELETE_NETWORK,
  DELETE_PORT,
  DELETE_VOLUME,
  STATUS,
  USAGE,
  LIST_OWNED;

  public static Operation create(ResourceKind kind) {
    return switch (kind) {
      case COMPUTE -> CREATE_COMPUTE;
      case NETWORK -> CREATE_NETWORK;
      case PORT -> CREATE_PORT;
      case VOLUME -> CREATE_VOLUME;
    };
  }

  public static Operation delete(ResourceKind kind) {
    return switch (kind) {
      case COMPUTE -> DELETE_COMPUTE;
      case NETWORK -> DELETE_NETWORK;
      case PORT -> DELETE_PORT;
      case VOLUME -> DELETE_VOLUME;
    };
  }
}
