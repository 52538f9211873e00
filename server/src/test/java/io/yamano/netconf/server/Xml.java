package io.yamano.netconf.server;

/** Request snippets for the example-ops model. */
final class Xml {
  private Xml() {}

  static String editConfig(String target, String configBody) {
    return editConfig(target, "", configBody);
  }

  static String editConfig(String target, String options, String configBody) {
    return "<edit-config><target><"
        + target
        + "/></target>"
        + options
        + "<config>"
        + configBody
        + "</config></edit-config>";
  }

  static String top(String inner) {
    return "<top xmlns=\"" + TestServer.OPS + "\">" + inner + "</top>";
  }

  static String item(String id, int value) {
    return "<item><id>" + id + "</id><value>" + value + "</value></item>";
  }

  static String getConfig(String source, String filter) {
    return "<get-config><source><" + source + "/></source>" + filter + "</get-config>";
  }

  static String itemFilter(String id) {
    return "<filter type=\"subtree\">" + top("<item><id>" + id + "</id></item>") + "</filter>";
  }
}
