package com.example.acme.fw;

import io.yamano.broker.BrokerException;
import io.yamano.broker.BrokerException.Reason;
import io.yamano.broker.Operation;
import io.yamano.broker.sdk.PluginContext;
import io.yamano.broker.sdk.VnfPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lifecycle steps of the Acme firewall that templates cannot express.
 *
 * <p>{@code apply-rules}: the rule set is an instance parameter of any length ({@code
 * name:port:action,...}); a template has no loops, so the plugin builds the NETCONF edit, replaces
 * the VNF's rule list with it and reads the list back to check that the VNF took every rule.
 *
 * <p>{@code rule-count}: answers {@code rules=N}, for a lifecycle {@code health-check} or {@code
 * wait} with {@code expect-contains}.
 */
public final class AcmeFirewallPlugin implements VnfPlugin {
  static final String NS = "urn:example:acme-fw";

  /** One firewall rule. */
  record Rule(String name, int port, String action) {
    static Rule parse(String text) throws BrokerException {
      String[] parts = text.trim().split(":");
      if (parts.length != 3 || !(parts[2].equals("accept") || parts[2].equals("drop"))) {
        throw new BrokerException(
            Reason.BAD_METADATA, "rule '" + text + "' is not name:port:accept|drop");
      }
      try {
        return new Rule(parts[0], Integer.parseInt(parts[1]), parts[2]);
      } catch (NumberFormatException e) {
        throw new BrokerException(Reason.BAD_METADATA, "rule '" + text + "' has no port number");
      }
    }

    String xml() {
      return "<rule><name>" + escape(name) + "</name><port>" + port + "</port><action>" + action
          + "</action></rule>";
    }
  }

  @Override
  public String name() {
    return "acme-fw";
  }

  @Override
  public String invoke(PluginContext vnf, String operation, Map<String, String> arguments)
      throws BrokerException {
    return switch (operation) {
      case "apply-rules" -> applyRules(vnf, arguments.getOrDefault("rules", ""));
      case "rule-count" -> "rules=" + countRules(vnf);
      default -> throw new BrokerException(
          Reason.UNSUPPORTED, "the acme-fw plugin has no operation '" + operation + "'");
    };
  }

  private String applyRules(PluginContext vnf, String spec) throws BrokerException {
    List<Rule> rules = new ArrayList<>();
    for (String item : spec.split(",")) {
      if (!item.isBlank()) {
        rules.add(Rule.parse(item));
      }
    }
    var xml = new StringBuilder("<rules xmlns=\"" + NS + "\" ");
    xml.append("xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"replace\">");
    rules.forEach(r -> xml.append(r.xml()));
    xml.append("</rules>");
    vnf.netconf().perform(new Operation.NetconfEdit(xml.toString(), Operation.EditTarget.AUTO));
    int count = countRules(vnf);
    if (count != rules.size()) {
      throw new BrokerException(
          Reason.CHECK_FAILED, "sent " + rules.size() + " rules, the VNF holds " + count);
    }
    vnf.log("applied " + count + " rules");
    return "rules=" + count;
  }

  private static int countRules(PluginContext vnf) throws BrokerException {
    String reply = vnf.netconf().perform(new Operation.NetconfGet("<rules xmlns=\"" + NS + "\"/>"));
    int count = 0;
    for (int i = reply.indexOf("<rule>"); i >= 0; i = reply.indexOf("<rule>", i + 1)) {
      count++;
    }
    return count;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
