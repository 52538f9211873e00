package io.yamano.lcm;

import io.yamano.lcm.model.YangNames;

/**
 * Where the engine sends its notifications ({@code lcm-operation-state-change} of {@code
 * yamano-ns}). The server passes its notification bus; the signature is the bus's.
 */
@FunctionalInterface
public interface LcmPublisher {

  /**
   * Publishes one event now.
   *
   * @param namespace the notification's module namespace
   * @param name the notification's local name
   * @param contentXml the notification element, serialised with its namespace declaration
   */
  void publish(String namespace, String name, String contentXml);

  /**
   * Publishes one {@code lcm-operation-state-change}; a failure to publish is logged, never thrown
   * (the operation goes on whether or not anyone hears of it).
   *
   * @param step the current step, or {@code null}
   * @param error the error message, or {@code null}
   */
  default void operationStateChanged(
      String ns, String operationId, String operation, String state, String step, String error) {
    var xml =
        new StringBuilder("<lcm-operation-state-change xmlns=\"")
            .append(YangNames.NS_NAMESPACE)
            .append("\">");
    element(xml, "ns-instance", ns);
    element(xml, "lcm-operation-id", operationId);
    element(xml, "operation", operation);
    element(xml, "state", state);
    element(xml, "current-step", step);
    element(xml, "error-message", error);
    xml.append("</lcm-operation-state-change>");
    try {
      publish(YangNames.NS_NAMESPACE, "lcm-operation-state-change", xml.toString());
    } catch (RuntimeException e) {
      System.getLogger(LcmPublisher.class.getName())
          .log(System.Logger.Level.WARNING, "notification not published: " + e.getMessage());
    }
  }

  private static void element(StringBuilder xml, String name, String value) {
    if (value == null) {
      return;
    }
    xml.append('<').append(name).append('>');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        default -> xml.append(c);
      }
    }
    xml.append("</").append(name).append('>');
  }

  /** Publishes nothing. */
  LcmPublisher NONE = (namespace, name, contentXml) -> {};
}
