package io.yamano.broker.sdk;

import io.yamano.broker.BrokerException;
import io.yamano.broker.VnfEndpoint;
import io.yamano.broker.VnfSession;
import java.net.http.HttpClient;

/** What a plugin gets for one VNF instance during one lifecycle run. */
public interface PluginContext {

  /** The VNF's management endpoint (address, credentials, timeouts, properties). */
  VnfEndpoint endpoint();

  /**
   * A NETCONF session to the endpoint, opened on first use with the built-in NETCONF broker and
   * closed after the run; perform {@link io.yamano.broker.Operation.NetconfEdit}, {@code
   * NetconfGet} or {@code NetconfRpc} on it.
   */
  VnfSession netconf() throws BrokerException;

  /** A REST session to the endpoint, as the built-in REST broker opens it. */
  VnfSession rest() throws BrokerException;

  /** An HTTP client with the endpoint's connect timeout, for APIs the REST broker cannot model. */
  HttpClient http();

  /** Writes a line to Yamano's log, prefixed with the plugin and VNF instance. */
  void log(String message);
}
