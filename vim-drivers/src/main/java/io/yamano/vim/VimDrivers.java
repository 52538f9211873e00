package io.yamano.vim;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The drivers available at run time, one per {@link VimDriver#type()}.
 *
 * <p>Two drivers claiming the same type is a packaging error and fails loudly at load time rather
 * than picking one by class-path order.
 */
public final class VimDrivers {

  private final Map<String, VimDriver> byType;

  private VimDrivers(Map<String, VimDriver> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** Drivers registered in {@code META-INF/services} visible to this class's loader. */
  public static VimDrivers load() {
    return of(ServiceLoader.load(VimDriver.class, VimDriver.class.getClassLoader()));
  }

  /** Drivers registered in {@code META-INF/services} visible to {@code loader}. */
  public static VimDrivers load(ClassLoader loader) {
    return of(ServiceLoader.load(VimDriver.class, loader));
  }

  /**
   * The given drivers.
   *
   * @throws IllegalStateException if two drivers claim the same type
   */
  public static VimDrivers of(Iterable<? extends VimDriver> drivers) {
    var byType = new TreeMap<String, VimDriver>();
    for (VimDriver driver : drivers) {
      VimDriver previous = byType.putIfAbsent(driver.type(), driver);
      if (previous != null) {
        throw new IllegalStateException(
            "two VIM drivers claim type '"
                + driver.type()
                + "': "
                + previous.getClass().getName()
                + " and "
                + driver.getClass().getName());
      }
    }
    return new VimDrivers(byType);
  }

  /**
   * Gives every driver its state directory, {@code root/<type>}; returns this.
   *
   * @see VimDriver#useStateDirectory
   */
  public VimDrivers keepStateUnder(java.nio.file.Path root) {
    byType.forEach((type, driver) -> driver.useStateDirectory(root.resolve(type)));
    return this;
  }

  /** The types served, sorted. */
  public Set<String> types() {
    return new TreeMap<>(byType).keySet();
  }

  public Optional<VimDriver> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /**
   * Connects to an account with the driver of its type.
   *
   * @throws VimException {@code INVALID_REQUEST} if no driver serves the account's type
   */
  public VimConnection connect(VimAccount account) throws VimException {
    VimDriver driver = byType.get(account.type());
    if (driver == null) {
      throw new VimException(
          VimException.Reason.INVALID_REQUEST,
          "VIM account '"
              + account.name()
              + "' has type '"
              + account.type()
              + "', served by no driver (available: "
              + types()
              + ")");
    }
    return driver.connect(account);
  }
}
