package io.yamano.lcm.plan;

/**
 * The desired state of an NS instance cannot be realised. {@link #leaf()} names the {@code
 * ns-instance} leaf to blame, so that a commit hook can point its error-path at it.
 */
public final class UnrealisableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String leaf;

  /**
   * @param leaf local name of the ns-instance leaf at fault ({@code nsd-ref}, {@code flavour},
   *     {@code instantiation-level}, {@code vim-account})
   */
  public UnrealisableException(String leaf, String message) {
    super(message);
    this.leaf = leaf;
  }

  public String leaf() {
    return leaf;
  }
}
