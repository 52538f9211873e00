package io.yamano.datastore;

/** How a data node changed in a commit. */
public enum ChangeKind {
  /** The node did not exist before and exists now. */
  CREATED,
  /** The node existed before and does not now. */
  DELETED,
  /** The node was written as a whole over an existing one. */
  REPLACED,
  /** Some descendants of the node changed; the node itself stayed. */
  MODIFIED
}
