package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.DefaultOperation;
import io.yamano.netconf.data.EditOperation;
import io.yamano.netconf.message.MalformedMessageException;
import io.yamano.netconf.message.XmlElement;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.w3c.dom.Element;

/**
 * Whole configurations as trees: the root of a datastore, of inline {@code <config>}, of a {@code
 * file:} URL (a document whose root is {@code <config>} in the NETCONF base namespace, RFC 6241
 * §8.8), and the writing of a tree into such a file.
 */
final class Configs {
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

  private Configs() {}

  /** The root of a datastore as of now. */
  static ContainerNode root(Request request, DatastoreName name) {
    return request
        .datastore()
        .read(name, YangInstanceIdentifier.of())
        .map(ContainerNode.class::cast)
        .orElseGet(Configs::empty);
  }

  static ContainerNode empty() {
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(YangInstanceIdentifier.NodeIdentifier.create(SchemaContext.NAME))
        .build();
  }

  /** The DOM {@code <config>} element of an inline config or a URL. */
  static Element configElement(Request request, ConfigSource source) throws RpcException {
    if (source instanceof ConfigSource.Inline inline) {
      return request.dom(inline.config());
    }
    var url = ((ConfigSource.Url) source).url();
    byte[] bytes = request.context().urls().read(url);
    XmlElement root;
    try {
      root = request.context().reader().read(bytes);
    } catch (MalformedMessageException e) {
      throw Errors.invalidValue("url", "the file at '" + url + "' is not XML: " + e.getMessage());
    }
    if (!root.is(Namespaces.BASE, "config")) {
      throw Errors.invalidValue(
          "url",
          "the file at '"
              + url
              + "' must hold <config xmlns=\""
              + Namespaces.BASE
              + "\">, not <"
              + root.localName()
              + ">");
    }
    return new DomConverter(root, Map.of()).dom(root);
  }

  /** A whole configuration from a datastore, inline config or URL. */
  static ContainerNode tree(Request request, ConfigSource source) throws RpcException {
    if (source instanceof ConfigSource.Datastore ds) {
      // what the user may not read is not copied either (RFC 8341 §3.2.4)
      return request.datastore().access().prune(root(request, ds.name()));
    }
    List<EditOperation> edits =
        request
            .context()
            .editParser()
            .parse(configElement(request, source), DefaultOperation.REPLACE);
    if (edits.size() != 1 || !edits.get(0).path().isEmpty()) {
      throw Errors.invalidValue(
          source.elementName(),
          "a whole configuration cannot carry operation or insert attributes");
    }
    return (ContainerNode) edits.get(0).data().orElseThrow();
  }

  /** Writes a tree as a {@code <config>} document. */
  static byte[] document(
      ServerContext context, ContainerNode root, io.yamano.netconf.data.WithDefaultsMode mode)
      throws RpcException {
    var out = new ByteArrayOutputStream();
    try {
      var w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("", "config", Namespaces.BASE);
      w.writeDefaultNamespace(Namespaces.BASE);
      context.dataWriter().writeChildren(w, root, mode);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw Errors.failed("cannot write the configuration: " + e.getMessage());
    }
    return out.toByteArray();
  }
}
