package io.yamano.vim;

/** Life-cycle status of a VIM resource as the VIM reports it. */
public enum ResourceStatus {
  /** Being created. */
  BUILDING,
  /** Created and working. */
  ACTIVE,
  /** Exists but failed; a candidate for heal. */
  ERROR,
  /** Being deleted. */
  DELETING,
  /** Was issued by this VIM and no longer exists. */
  DELETED,
  /** The VIM reports something Yamano does not know. */
  UNKNOWN
}
