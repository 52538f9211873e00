package io.yamano.onboarding;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.onboarding.mapping.Sol006;
import java.io.StringReader;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack.Inference;

/** The package list in operational state ({@code /ypkg:packages/package}). */
final class PackageRecords {
  static final QNameModule MODULE =
      QNameModule.of(
          XMLNamespace.of("urn:yamano:params:xml:ns:yang:yamano-packages"),
          Revision.of("2026-11-24"));
  static final QName PACKAGES = QName.create(MODULE, "packages");
  static final QName PACKAGE = QName.create(MODULE, "package");
  static final QName ID = QName.create(MODULE, "id");

  private final Datastore datastore;
  private final Clock clock;

  PackageRecords(Datastore datastore, Clock clock) {
    this.datastore = datastore;
    this.clock = clock;
  }

  YangInstanceIdentifier path(String packageId) {
    return YangInstanceIdentifier.of(
        new NodeIdentifier(PACKAGES),
        new NodeIdentifier(PACKAGE),
        NodeIdentifierWithPredicates.of(PACKAGE, ID, packageId));
  }

  boolean exists(String packageId) {
    return read(packageId).isPresent();
  }

  private Optional<MapEntryNode> read(String packageId) {
    return datastore
        .snapshot(DatastoreName.OPERATIONAL)
        .readNode(path(packageId))
        .filter(MapEntryNode.class::isInstance)
        .map(MapEntryNode.class::cast);
  }

  /** The descriptors' paths in running, if the package is recorded. */
  Optional<List<YangInstanceIdentifier>> descriptors(String packageId) {
    return read(packageId)
        .map(
            entry -> {
              var out = new ArrayList<YangInstanceIdentifier>();
              var list = entry.childByArg(new NodeIdentifier(QName.create(MODULE, "descriptor")));
              if (list instanceof MapNode map) {
                for (var descriptor : map.body()) {
                  String kind = text(descriptor, "kind");
                  String id = text(descriptor, "id");
                  var nfv = QName.create(Sol006.NFV_MODULE, "nfv");
                  var listName = QName.create(Sol006.NFV_MODULE, kind);
                  out.add(
                      YangInstanceIdentifier.of(
                          new NodeIdentifier(nfv),
                          new NodeIdentifier(listName),
                          NodeIdentifierWithPredicates.of(
                              listName, QName.create(Sol006.NFV_MODULE, "id"), id)));
                }
              }
              return out;
            });
  }

  private static String text(MapEntryNode entry, String name) {
    var child = entry.childByArg(new NodeIdentifier(QName.create(MODULE, name)));
    return child instanceof LeafNode<?> leaf ? String.valueOf(leaf.body()) : "";
  }

  void write(PackageReport report, PackageOnboarding.Options options, String user)
      throws RpcException {
    var xml = new StringBuilder("<packages xmlns=\"").append(MODULE.namespace()).append("\">");
    xml.append("<package>");
    leaf(xml, "id", report.packageId());
    leaf(xml, "file-name", report.fileName());
    leaf(xml, "format", report.format().yangName());
    leaf(xml, "onboarded-at", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
    leaf(xml, "onboarded-by", user);
    leaf(xml, "strict", String.valueOf(options.mode() == Mode.STRICT));
    leaf(xml, "checksum-status", report.integrity().checksums().yangName());
    leaf(xml, "signature-status", report.integrity().signature().yangName());
    leaf(xml, "signer", report.integrity().signer());
    for (var document : report.documents()) {
      for (var descriptor : document.descriptors()) {
        xml.append("<descriptor>");
        leaf(xml, "kind", descriptor.kind());
        leaf(xml, "id", descriptor.id());
        leaf(xml, "file", document.file());
        leaf(xml, "source-format", document.format().yangName());
        xml.append("</descriptor>");
      }
    }
    for (var artifact : report.integrity().artifacts()) {
      xml.append("<artifact>");
      leaf(xml, "path", artifact.path());
      leaf(xml, "size", String.valueOf(artifact.size()));
      leaf(xml, "sha-256", artifact.sha256());
      leaf(xml, "checksum-verified", String.valueOf(artifact.checksumVerified()));
      leaf(xml, "signature-verified", String.valueOf(artifact.signatureVerified()));
      xml.append("</artifact>");
    }
    deviations(xml, report.deviations());
    xml.append("</package></packages>");
    var packages = parse(xml.toString());
    var entry = ((MapNode) packages.body().iterator().next()).body().iterator().next();
    try (var session = datastore.openInternalSession(user)) {
      var tx = session.newTransaction(DatastoreName.OPERATIONAL);
      tx.merge(path(report.packageId()), entry);
      tx.commit("package " + report.packageId() + " onboarded");
    }
  }

  void delete(String packageId, String user) throws RpcException {
    try (var session = datastore.openInternalSession(user)) {
      var tx = session.newTransaction(DatastoreName.OPERATIONAL);
      tx.remove(path(packageId));
      tx.commit("package " + packageId + " deleted");
    }
  }

  /** Writes {@code deviation} list entries (the grouping shared with the rpc output). */
  static void deviations(StringBuilder xml, List<PackageReport.FileDeviation> deviations) {
    int index = 0;
    for (var item : deviations) {
      var d = item.deviation();
      xml.append("<deviation>");
      leaf(xml, "index", String.valueOf(index++));
      leaf(xml, "file", item.file());
      leaf(xml, "path", d.path());
      leaf(xml, "kind", d.kind().yangName());
      leaf(xml, "before", d.before());
      leaf(xml, "after", d.after());
      leaf(xml, "reason", d.reason());
      xml.append("</deviation>");
    }
  }

  static void leaf(StringBuilder xml, String name, String value) {
    xml.append('<')
        .append(name)
        .append('>')
        .append(escape(value))
        .append("</")
        .append(name)
        .append('>');
  }

  static String escape(String value) {
    var out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> {
          // XML 1.0 cannot carry most control characters; the report shows them escaped.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private ContainerNode parse(String xml) throws RpcException {
    try {
      var factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      var holder = new NormalizationResultHolder();
      try (var parser =
          XmlParserStream.create(
              ImmutableNormalizedNodeStreamWriter.from(holder),
              Inference.ofDataTreePath(datastore.context(), PACKAGES),
              true)) {
        parser.parse(factory.createXMLStreamReader(new StringReader(xml)));
      }
      return (ContainerNode) holder.getResult().data();
    } catch (Exception e) {
      throw new RpcException(
          io.yamano.error.RpcError.application(
              io.yamano.error.ErrorTag.OPERATION_FAILED,
              null,
              null,
              "cannot record the package: " + e.getMessage()));
    }
  }
}
