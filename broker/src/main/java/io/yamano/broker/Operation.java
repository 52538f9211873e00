package io.yamano.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One request a broker sends to a VNF. Text fields are templates ({@link Template}) until {@link
 * #render} fills them with parameters, escaped for the protocol they travel in.
 */
public sealed interface Operation {

  /**
   * The broker kind that performs this operation ({@code netconf}, {@code rest}, {@code plugin}).
   */
  String protocol();

  /** This operation with every template filled. */
  Operation render(Map<String, String> values) throws BrokerException;

  /** Placeholders used, to check metadata before anything runs. */
  Set<String> placeholders();

  /** The NETCONF datastore an edit goes to. */
  enum EditTarget {
    /**
     * {@code candidate} and {@code commit} when the VNF announces {@code :candidate}, else {@code
     * running}.
     */
    AUTO,
    CANDIDATE,
    RUNNING
  }

  /**
   * NETCONF {@code <edit-config>} (RFC 6241 §7.2) with {@code config} as the content of its {@code
   * <config>}; on the candidate it is followed by {@code <commit>} (§8.3.4.1), and by {@code
   * <discard-changes>} when refused.
   */
  record NetconfEdit(String config, EditTarget target) implements Operation {
    public NetconfEdit {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public String protocol() {
      return "netconf";
    }

    @Override
    public NetconfEdit render(Map<String, String> values) throws BrokerException {
      return new NetconfEdit(Template.render(config, values, Template.XML), target);
    }

    @Override
    public Set<String> placeholders() {
      return Template.names(config);
    }
  }

  /**
   * NETCONF {@code <get>} (RFC 6241 §7.7) with an optional subtree filter (§6); its reply's data is
   * what a {@link Check} looks at.
   */
  record NetconfGet(String filter) implements Operation {
    @Override
    public String protocol() {
      return "netconf";
    }

    @Override
    public NetconfGet render(Map<String, String> values) throws BrokerException {
      return new NetconfGet(Template.render(filter, values, Template.XML));
    }

    @Override
    public Set<String> placeholders() {
      return Template.names(filter);
    }
  }

  /** Any NETCONF operation element (a VNF's own rpc or action); the reply is checked. */
  record NetconfRpc(String request) implements Operation {
    public NetconfRpc {
      Objects.requireNonNull(request, "request");
    }

    @Override
    public String protocol() {
      return "netconf";
    }

    @Override
    public NetconfRpc render(Map<String, String> values) throws BrokerException {
      return new NetconfRpc(Template.render(request, values, Template.XML));
    }

    @Override
    public Set<String> placeholders() {
      return Template.names(request);
    }
  }

  /**
   * An HTTP request to a path under the VNF's base URL, with an optional JSON body; a status not in
   * {@code expectStatus} is a refusal.
   */
  record RestCall(String method, String path, String body, Set<Integer> expectStatus)
      implements Operation {
    public RestCall {
      method = Objects.requireNonNull(method, "method").toUpperCase(java.util.Locale.ROOT);
      Objects.requireNonNull(path, "path");
      expectStatus =
          expectStatus == null || expectStatus.isEmpty() ? Set.of() : Set.copyOf(expectStatus);
    }

    @Override
    public String protocol() {
      return "rest";
    }

    @Override
    public RestCall render(Map<String, String> values) throws BrokerException {
      return new RestCall(
          method,
          Template.render(path, values, Template.URL),
          Template.render(body, values, Template.JSON),
          expectStatus);
    }

    @Override
    public Set<String> placeholders() {
      var names = new java.util.LinkedHashSet<>(Template.names(path));
      names.addAll(Template.names(body));
      return names;
    }

    /**
     * Whether {@code status} is a success: one of {@code expectStatus}, or 2xx if none is given.
     */
    public boolean accepts(int status) {
      return expectStatus.isEmpty() ? status / 100 == 2 : expectStatus.contains(status);
    }
  }

  /** A named operation of a vendor plugin, with its arguments (templates, not escaped). */
  record PluginCall(String operation, Map<String, String> arguments) implements Operation {
    public PluginCall {
      Objects.requireNonNull(operation, "operation");
      arguments = Map.copyOf(arguments);
    }

    @Override
    public String protocol() {
      return "plugin";
    }

    @Override
    public PluginCall render(Map<String, String> values) throws BrokerException {
      var rendered = new LinkedHashMap<String, String>();
      for (var e : arguments.entrySet()) {
        rendered.put(e.getKey(), Template.render(e.getValue(), values, Template.RAW));
      }
      return new PluginCall(operation, rendered);
    }

    @Override
    public Set<String> placeholders() {
      var names = new java.util.LinkedHashSet<String>();
      arguments.values().forEach(v -> names.addAll(Template.names(v)));
      return names;
    }
  }
}
