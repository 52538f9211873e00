package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.XmlElement;

/** The {@code datastore} parameter of get-data and edit-data: an ietf-datastores identity. */
final class NmdaDatastores {
  private NmdaDatastores() {}

  /**
   * Resolves {@code ds:running} and the like (RFC 8526 §3.1.1) with the prefixes in scope.
   *
   * @throws RpcException {@code invalid-value} for an identity that is not one of Yamano's
   *     datastores
   */
  static DatastoreName read(Request request, XmlElement element) throws RpcException {
    String text = element.trimmedText();
    int colon = text.indexOf(':');
    String prefix = colon < 0 ? null : text.substring(0, colon);
    String local = text.substring(colon + 1);
    String namespace = request.dom(element).lookupNamespaceURI(prefix);
    if (Namespaces.DATASTORES.equals(namespace)) {
      for (DatastoreName name : DatastoreName.values()) {
        if (name.yangName().equals(local)) {
          return name;
        }
      }
    }
    throw Errors.invalidValue(
        "datastore",
        "'"
            + text
            + "' is not a datastore of this server; use an identity of "
            + Namespaces.DATASTORES
            + ": running, candidate, startup or operational");
  }
}
