package io.yamano.broker;

import io.yamano.broker.sdk.PluginBroker;
import io.yamano.broker.sdk.VnfPlugin;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The brokers available by name: every {@link VnfBroker} and every {@link VnfPlugin} (as a broker
 * of its name) on the class path. Two providers of one name fail loudly: which one a VNF would get
 * must never depend on class path order.
 */
public final class VnfBrokers {
  private final Map<String, VnfBroker> byName;

  private VnfBrokers(Map<String, VnfBroker> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** Brokers and plugins found with {@link ServiceLoader} through {@code loader}. */
  public static VnfBrokers load(ClassLoader loader) {
    var found = new LinkedHashMap<String, VnfBroker>();
    for (VnfBroker broker : ServiceLoader.load(VnfBroker.class, loader)) {
      put(found, broker);
    }
    for (VnfPlugin plugin : ServiceLoader.load(VnfPlugin.class, loader)) {
      put(found, new PluginBroker(plugin));
    }
    return new VnfBrokers(found);
  }

  /** Brokers and plugins visible to this class's loader. */
  public static VnfBrokers load() {
    return load(VnfBrokers.class.getClassLoader());
  }

  /** Exactly these brokers. */
  public static VnfBrokers of(VnfBroker... brokers) {
    var found = new LinkedHashMap<String, VnfBroker>();
    for (VnfBroker b : brokers) {
      put(found, b);
    }
    return new VnfBrokers(found);
  }

  private static void put(Map<String, VnfBroker> found, VnfBroker broker) {
    var previous = found.putIfAbsent(broker.name(), broker);
    if (previous != null) {
      throw new IllegalStateException(
          "two VNF brokers are named '"
              + broker.name()
              + "': "
              + describe(previous)
              + " and "
              + describe(broker));
    }
  }

  private static String describe(VnfBroker broker) {
    return broker instanceof PluginBroker plugin
        ? plugin.plugin().getClass().getName()
        : broker.getClass().getName();
  }

  /**
   * The broker named {@code name}.
   *
   * @throws BrokerException {@code BAD_METADATA} naming the brokers there are
   */
  public VnfBroker get(String name) throws BrokerException {
    VnfBroker broker = byName.get(name);
    if (broker == null) {
      throw new BrokerException(
          BrokerException.Reason.BAD_METADATA,
          "no VNF broker named '"
              + name
              + "' is loaded (loaded: "
              + new java.util.TreeSet<>(byName.keySet())
              + ")");
    }
    return broker;
  }

  public Collection<VnfBroker> all() {
    return byName.values();
  }
}
