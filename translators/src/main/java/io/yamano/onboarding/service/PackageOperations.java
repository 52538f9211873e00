package io.yamano.onboarding.service;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.Mode;
import io.yamano.onboarding.PackageOnboarding;
import io.yamano.onboarding.PackageReport;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Serves {@code onboard-package} and {@code delete-package}. A refused package is an {@code
 * rpc-error} per refusal (error-tag operation-failed, error-app-tag {@code onboarding-refused}),
 * the message naming the file inside the package and the path; an accepted one returns the package
 * id and every deviation.
 */
public final class PackageOperations {
  public static final QNameModule MODULE =
      QNameModule.of(
          XMLNamespace.of("urn:yamano:params:xml:ns:yang:yamano-packages"),
          Revision.of("2026-11-24"));
  public static final QName ONBOARD = QName.create(MODULE, "onboard-package");
  public static final QName DELETE = QName.create(MODULE, "delete-package");
  static final String REFUSED_TAG = "onboarding-refused";

  private final Datastore datastore;
  private final Path filesDir;
  private final PackageOnboarding onboarding;

  PackageOperations(Datastore datastore, Path dataDir) {
    this.datastore = datastore;
    this.filesDir = dataDir.resolve("files");
    this.onboarding = new PackageOnboarding(datastore, dataDir, Clock.systemUTC());
  }

  /**
   * Registers the handlers; closing the result unregisters them.
   *
   * @param dataDir the data directory: packages are read from {@code files/}, stored in {@code
   *     packages/}, and signatures checked against {@code trust/}
   */
  public static AutoCloseable start(Datastore datastore, Path dataDir) {
    var operations = new PackageOperations(datastore, dataDir);
    var onboard = datastore.operations().register(Absolute.of(ONBOARD), operations::onboard);
    var delete = datastore.operations().register(Absolute.of(DELETE), operations::delete);
    return () -> {
      delete.close();
      onboard.close();
    };
  }

  ContainerNode onboard(OperationRequest request) throws RpcException {
    var input = request.input();
    byte[] bytes;
    String fileName;
    var url = text(input, "url");
    var content = leaf(input, "content");
    if (url.isPresent()) {
      Path file = resolve(url.get());
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw invalid("url", "cannot read " + url.get() + ": " + e.getMessage());
      }
      fileName = text(input, "file-name").orElse(file.getFileName().toString());
    } else if (content.isPresent() && content.get() instanceof byte[] raw) {
      bytes = raw;
      fileName = text(input, "file-name").orElse("package");
    } else {
      throw new RpcException(
          RpcError.application(
              ErrorTag.MISSING_ELEMENT, null, null, "give the package as url or content"));
    }
    var options =
        new PackageOnboarding.Options(
            flag(input, "strict") ? Mode.STRICT : Mode.LENIENT,
            flag(input, "allow-unsigned"),
            flag(input, "dry-run"));
    var report = onboarding.onboard(bytes, fileName, options, request.invoker().user());
    if (!report.accepted()) {
      var errors = new ArrayList<RpcError>();
      for (var item : report.deviations()) {
        if (item.deviation().kind() == DeviationKind.REFUSED) {
          errors.add(
              RpcError.application(
                      ErrorTag.OPERATION_FAILED,
                      REFUSED_TAG,
                      null,
                      item.file()
                          + " "
                          + item.deviation().path()
                          + ": "
                          + item.deviation().reason())
                  .withInfo("package-id", report.packageId()));
        }
      }
      throw new RpcException(errors);
    }
    return output(report);
  }

  ContainerNode delete(OperationRequest request) throws RpcException {
    String id =
        text(request.input(), "package-id").orElseThrow(() -> invalid("package-id", "missing"));
    onboarding.delete(id, request.invoker().user());
    return emptyOutput(DELETE);
  }

  private Path resolve(String url) throws RpcException {
    Path file;
    try {
      file = url.startsWith("file:") ? Path.of(URI.create(url)) : filesDir.resolve(url);
    } catch (IllegalArgumentException e) {
      throw invalid("url", "not a file: URL or a path under the files directory: " + url);
    }
    file = file.toAbsolutePath().normalize();
    if (!file.startsWith(filesDir.toAbsolutePath().normalize())) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.ACCESS_DENIED,
              null,
              null,
              "packages are read only from the data directory's files/ folder, not " + url));
    }
    if (!Files.isRegularFile(file)) {
      throw invalid("url", "no such file under files/: " + url);
    }
    return file;
  }

  private ContainerNode output(PackageReport report) throws RpcException {
    var xml = new StringBuilder("<output xmlns=\"").append(MODULE.namespace()).append("\">");
    leaf(xml, "package-id", report.packageId());
    leaf(xml, "accepted", String.valueOf(report.accepted()));
    for (var descriptor : report.descriptors()) {
      leaf(xml, "descriptor", descriptor.toString());
    }
    int index = 0;
    for (var item : report.deviations()) {
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
    xml.append("</output>");
    return parseOutput(ONBOARD, xml.toString());
  }

  private ContainerNode emptyOutput(QName rpc) throws RpcException {
    return parseOutput(rpc, "<output xmlns=\"" + MODULE.namespace() + "\"/>");
  }

  private ContainerNode parseOutput(QName rpc, String xml) throws RpcException {
    try {
      var stack = SchemaInferenceStack.of(datastore.context());
      stack.enterSchemaTree(rpc);
      stack.enterSchemaTree(QName.create(MODULE, "output"));
      var factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      var holder = new NormalizationResultHolder();
      try (var parser =
          XmlParserStream.create(
              ImmutableNormalizedNodeStreamWriter.from(holder), stack.toInference(), true)) {
        parser.parse(factory.createXMLStreamReader(new StringReader(xml)));
      }
      return (ContainerNode) holder.getResult().data();
    } catch (Exception e) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.OPERATION_FAILED, null, null, "cannot build the reply: " + e.getMessage()));
    }
  }

  private static void leaf(StringBuilder xml, String name, String value) {
    xml.append('<').append(name).append('>');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> xml.append("&amp;");
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            xml.append(String.format("\\u%04x", (int) c));
          } else {
            xml.append(c);
          }
        }
      }
    }
    xml.append("</").append(name).append('>');
  }

  private static RpcException invalid(String leaf, String message) {
    return new RpcException(
        RpcError.application(ErrorTag.INVALID_VALUE, null, null, leaf + ": " + message)
            .withInfo("bad-element", leaf));
  }

  private static boolean flag(DataContainerNode input, String name) {
    return leaf(input, name).map(Boolean.TRUE::equals).orElse(false);
  }

  private static Optional<String> text(DataContainerNode input, String name) {
    return leaf(input, name).map(String::valueOf);
  }

  /** A leaf of the input, also inside choices (the {@code source} choice holds url/content). */
  private static Optional<Object> leaf(DataContainerNode node, String name) {
    var child = node.childByArg(new NodeIdentifier(QName.create(MODULE, name)));
    if (child instanceof LeafNode<?> leaf) {
      return Optional.of(leaf.body());
    }
    for (var other : node.body()) {
      if (other instanceof ChoiceNode choice) {
        var found = leaf(choice, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
