package io.yamano.vim;

import java.util.Objects;

/**
 * A secret a driver logs in with (a password, a token). Configuration holds it sealed; the driver
 * opens it when it connects, and never keeps, logs or shows the clear text: {@link #toString} shows
 * stars, and equality compares the sealed form.
 */
public final class Secret {
  /** Opens a sealed value; the message of its exception never holds the value. */
  @FunctionalInterface
  public interface Opener {
    String open(String sealed) throws Exception;
  }

  private final String sealed;
  private final Opener opener;

  private Secret(String sealed, Opener opener) {
    this.sealed = Objects.requireNonNull(sealed, "sealed");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /** A sealed value and what opens it; {@code null} when there is no value. */
  public static Secret sealed(String sealed, Opener opener) {
    return sealed == null ? null : new Secret(sealed, opener);
  }

  /**
   * The clear text, for logging in with it now.
   *
   * @throws IllegalStateException if it does not open (altered, or sealed under another key)
   */
  public String reveal() {
    try {
      return opener.open(sealed);
    } catch (Exception e) {
      throw new IllegalStateException("the secret cannot be opened: " + e.getMessage());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && sealed.equals(other.sealed);
  }

  @Override
  public int hashCode() {
    return sealed.hashCode();
  }

  @Override
  public String toString() {
    return "******";
  }
}
