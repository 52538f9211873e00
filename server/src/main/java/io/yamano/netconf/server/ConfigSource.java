package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.XmlElement;
import java.util.Set;

/**
 * Where configuration comes from or goes to: the {@code <source>} and {@code <target>} choices of
 * RFC 6241 §7 (a datastore, a {@code <url>} of the {@code :url} capability §8.8, or inline {@code
 * <config>}).
 */
sealed interface ConfigSource {

  /** A configuration datastore. */
  record Datastore(DatastoreName name) implements ConfigSource {}

  /** A file named by a {@code file:} URL (RFC 6241 §8.8). */
  record Url(String url) implements ConfigSource {}

  /** Inline {@code <config>} (copy-config §7.3, validate §8.6.4.1). */
  record Inline(XmlElement config) implements ConfigSource {}

  /** The element name of this source inside {@code <source>}/{@code <target>}. */
  default String elementName() {
    if (this instanceof Datastore d) {
      return d.name().yangName();
    }
    return this instanceof Url ? "url" : "config";
  }

  /**
   * Reads a {@code <source>} or {@code <target>} parameter.
   *
   * @param allowed the datastores the operation accepts
   * @param url whether {@code <url>} is accepted
   * @param inline whether {@code <config>} is accepted
   */
  static ConfigSource read(
      XmlElement parameter, Set<DatastoreName> allowed, boolean url, boolean inline)
      throws RpcException {
    XmlElement choice = Params.single(parameter);
    String where = "<" + parameter.localName() + ">";
    if (!choice.namespace().equals(Namespaces.BASE)
        && !(choice.namespace().isEmpty() && choice.localName().equals("config"))) {
      // a bare <config>, as clients send user-supplied content, is taken as the base one
      throw Errors.unknownElement(
          choice.localName(), where + " holds an element outside the NETCONF base namespace");
    }
    String name = choice.localName();
    if (name.equals("url")) {
      if (!url) {
        throw Errors.invalidValue(name, where + " does not accept a URL here");
      }
      return new Url(choice.trimmedText());
    }
    if (name.equals("config")) {
      if (!inline) {
        throw Errors.invalidValue(name, where + " does not accept inline configuration here");
      }
      return new Inline(choice);
    }
    for (DatastoreName ds : DatastoreName.values()) {
      if (ds.yangName().equals(name) && ds != DatastoreName.OPERATIONAL) {
        if (!allowed.contains(ds)) {
          throw Errors.invalidValue(
              name, "the " + name + " datastore cannot be used as " + where + " of this operation");
        }
        if (!choice.children().isEmpty() || !choice.trimmedText().isEmpty()) {
          throw Errors.badElement(name, "<" + name + "/> must be empty");
        }
        return new Datastore(ds);
      }
    }
    throw Errors.unknownElement(name, "'" + name + "' is not a datastore, <url> or <config>");
  }
}
