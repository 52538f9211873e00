package io.yamano.broker.sdk;

import io.yamano.broker.BrokerException;
import io.yamano.broker.Operation;
import io.yamano.broker.VnfBroker;
import io.yamano.broker.VnfEndpoint;
import io.yamano.broker.VnfSession;
import io.yamano.broker.netconf.NetconfBroker;
import io.yamano.broker.rest.RestBroker;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * Serves a {@link VnfPlugin} as a {@link VnfBroker} of the plugin's name: {@code plugin-call}
 * operations go to the plugin, NETCONF and REST operations to the built-in brokers, so metadata can
 * mix declared steps with plugin steps.
 */
public final class PluginBroker implements VnfBroker {
  private static final System.Logger LOG = System.getLogger(PluginBroker.class.getName());

  private final VnfPlugin plugin;

  public PluginBroker(VnfPlugin plugin) {
    this.plugin = Objects.requireNonNull(plugin, "plugin");
  }

  public VnfPlugin plugin() {
    return plugin;
  }

  @Override
  public String name() {
    return plugin.name();
  }

  @Override
  public VnfSession open(VnfEndpoint endpoint) {
    return new Session(endpoint);
  }

  private final class Session implements VnfSession, PluginContext {
    private final VnfEndpoint endpoint;
    private VnfSession netconf;
    private VnfSession rest;
    private HttpClient http;

    Session(VnfEndpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public String perform(Operation operation) throws BrokerException {
      if (operation instanceof Operation.PluginCall call) {
        return plugin.invoke(this, call.operation(), call.arguments());
      }
      if ("netconf".equals(operation.protocol())) {
        return netconf().perform(operation);
      }
      return rest().perform(operation);
    }

    @Override
    public VnfEndpoint endpoint() {
      return endpoint;
    }

    @Override
    public synchronized VnfSession netconf() throws BrokerException {
      if (netconf == null) {
        netconf = new NetconfBroker().open(endpoint);
      }
      return netconf;
    }

    @Override
    public synchronized VnfSession rest() throws BrokerException {
      if (rest == null) {
        rest = new RestBroker().open(endpoint);
      }
      return rest;
    }

    @Override
    public synchronized HttpClient http() {
      if (http == null) {
        http = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout()).build();
      }
      return http;
    }

    @Override
    public void log(String message) {
      LOG.log(
          System.Logger.Level.INFO, plugin.name() + " [" + endpoint.vnfInstance() + "] " + message);
    }

    @Override
    public synchronized void close() {
      if (netconf != null) {
        netconf.close();
        netconf = null;
      }
      if (rest != null) {
        rest.close();
        rest = null;
      }
    }
  }
}
