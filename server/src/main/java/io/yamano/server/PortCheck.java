package io.yamano.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks, before anything starts, that every port Yamano will listen on is free, so that a busy
 * port stops the start with a message naming it instead of a server running half-way.
 */
final class PortCheck {
  private PortCheck() {}

  /**
   * @param ports listener name to port number (0 = any free port, not checked)
   * @throws IllegalStateException naming every port already in use
   */
  static void requireFree(InetAddress address, Map<String, Integer> ports) {
    var busy = new LinkedHashMap<String, String>();
    for (var entry : ports.entrySet()) {
      int port = entry.getValue();
      if (port == 0) {
        continue;
      }
      try (var socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port));
      } catch (IOException e) {
        busy.put(
            entry.getKey(), address.getHostAddress() + ":" + port + " (" + e.getMessage() + ")");
      }
    }
    if (!busy.isEmpty()) {
      var message = new StringBuilder("cannot start: ");
      busy.forEach(
          (name, where) ->
              message.append(name).append(" port ").append(where).append(" is already in use; "));
      message.append("choose other ports with --netconf-port, --cli-port, --restconf-port");
      throw new IllegalStateException(message.toString());
    }
  }
}
