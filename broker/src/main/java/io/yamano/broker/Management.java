package io.yamano.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach a VNF's management interface, as templates over the instance's parameters. The
 * built-in parameters ({@code mgmt-address}, {@code vnf-instance} ...) are listed in {@link
 * LifecycleExecutor}.
 *
 * @param broker the {@link VnfBroker#name()} to use
 * @param address host name or IP address; by default {@code {{mgmt-address}}}
 * @param port TCP port (830 for NETCONF, 443 for REST by default)
 * @param username login name, or {@code null}
 * @param password password, or {@code null}
 * @param privateKeyFile path of an OpenSSH or PEM private key on the orchestrator, or {@code null}
 * @param connectTimeout limit for connecting and setting up a session
 * @param replyTimeout limit for each reply
 * @param properties broker specific settings ({@code scheme}, {@code base-path}, {@code
 *     header.NAME} for REST), also templates
 */
public record Management(
    String broker,
    String address,
    String port,
    String username,
    String password,
    String privateKeyFile,
    Duration connectTimeout,
    Duration replyTimeout,
    Map<String, String> properties) {
  public Management {
    Objects.requireNonNull(broker, "broker");
    address = address == null ? "{{mgmt-address}}" : address;
    port = port == null ? ("rest".equals(broker) ? "443" : "830") : port;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    replyTimeout = replyTimeout == null ? Duration.ofSeconds(30) : replyTimeout;
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** The same management with another password. */
  public Management withPassword(String value) {
    return new Management(
        broker,
        address,
        port,
        username,
        value,
        privateKeyFile,
        connectTimeout,
        replyTimeout,
        properties);
  }

  @Override
  public String toString() {
    // never print the password
    return "Management[broker="
        + broker
        + ", address="
        + address
        + ", port="
        + port
        + ", username="
        + username
        + (password == null ? "" : ", password=******")
        + "]";
  }

  /**
   * The endpoint of one VNF instance: every template filled from {@code values}.
   *
   * @throws BrokerException {@code BAD_METADATA} for a missing parameter or a bad port
   */
  public VnfEndpoint endpoint(String vnfInstance, Map<String, String> values)
      throws BrokerException {
    String host = Template.render(address, values, Template.RAW);
    String portText = Template.render(port, values, Template.RAW);
    int portNumber;
    try {
      portNumber = Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      throw new BrokerException(
          BrokerException.Reason.BAD_METADATA,
          "management port '" + portText + "' is not a number");
    }
    var props = new java.util.LinkedHashMap<String, String>();
    for (var e : properties.entrySet()) {
      props.put(e.getKey(), Template.render(e.getValue(), values, Template.RAW));
    }
    return new VnfEndpoint(
        vnfInstance,
        host,
        portNumber,
        Template.render(username, values, Template.RAW),
        Template.render(password, values, Template.RAW),
        Template.render(privateKeyFile, values, Template.RAW),
        connectTimeout,
        replyTimeout,
        props);
  }
}
