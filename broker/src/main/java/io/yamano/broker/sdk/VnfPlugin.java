package io.yamano.broker.sdk;

import io.yamano.broker.BrokerException;
import java.util.Map;

/**
 * Vendor code for a VNF's lifecycle steps, found with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * public final class AcmeFirewallPlugin implements VnfPlugin {
 *   public String name() { return "acme-firewall"; }
 *   public String invoke(PluginContext vnf, String operation, Map<String, String> args)
 *       throws BrokerException {
 *     return switch (operation) {
 *       case "rotate-keys" -> vnf.netconf().perform(new Operation.NetconfRpc("<rotate xmlns=...>"));
 *       default -> throw new BrokerException(Reason.UNSUPPORTED, "no operation " + operation);
 *     };
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe: one instance serves every VNF of its kind, each call with the
 * context of one VNF instance.
 */
public interface VnfPlugin {

  /** The name lifecycle metadata selects the plugin by (its {@code broker}). */
  String name();

  /**
   * Performs one attempt of {@code operation} on the VNF.
   *
   * @param vnf the VNF instance: its endpoint and ready-made NETCONF and HTTP access
   * @param arguments the {@code plugin-call} action's arguments, templates already filled
   * @return a reply for the action's check ({@code ""} if there is nothing to check)
   * @throws BrokerException {@code REFUSED} with the VNF's answer, {@code UNREACHABLE} or {@code
   *     TIMEOUT} to have the executor retry, {@code UNSUPPORTED} for an unknown operation
   */
  String invoke(PluginContext vnf, String operation, Map<String, String> arguments)
      throws BrokerException;
}
