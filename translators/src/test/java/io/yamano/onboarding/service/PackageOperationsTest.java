package io.yamano.onboarding.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.operation.Invoker;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * The rpcs of yamano-packages through the datastore's operation registry (RFC 7950 §7.14: input
 * parsed with the rpc's schema, output built with it), on a durable data directory.
 */
class PackageOperationsTest {
  private static final String NS = "urn:yamano:params:xml:ns:yang:yamano-packages";

  @TempDir Path dataDir;
  Datastore datastore;
  AutoCloseable registration;

  @BeforeEach
  void setUp() throws Exception {
    var context = SchemaRegistry.builder().load().context();
    datastore =
        Datastore.open(
            context,
            JournalFileCommitLog.open(dataDir.resolve("config")),
            JournalFileCommitLog.open(dataDir.resolve("operational")),
            IncrementalValidator::forRunning);
    registration = PackageOperations.start(datastore, dataDir);
  }

  @AfterEach
  void tearDown() throws Exception {
    registration.close();
    datastore.close();
  }

  private ContainerNode invoke(QName rpc, String inputXml) throws Exception {
    var stack = SchemaInferenceStack.of(datastore.context());
    stack.enterSchemaTree(rpc);
    stack.enterSchemaTree(QName.create(rpc, "input"));
    var holder = new NormalizationResultHolder();
    try (var parser =
        XmlParserStream.create(
            ImmutableNormalizedNodeStreamWriter.from(holder), stack.toInference(), true)) {
      parser.parse(
          XMLInputFactory.newFactory()
              .createXMLStreamReader(
                  new StringReader("<input xmlns=\"" + NS + "\">" + inputXml + "</input>")));
    }
    var input = (ContainerNode) holder.getResult().data();
    return datastore
        .operations()
        .invoke(
            new OperationRequest(
                Absolute.of(rpc), YangInstanceIdentifier.of(), input, Invoker.internal("admin")));
  }

  private static String leaf(ContainerNode output, String name) {
    var child = output.childByArg(new NodeIdentifier(QName.create(PackageOperations.MODULE, name)));
    return child instanceof LeafNode<?> l ? String.valueOf(l.body()) : null;
  }

  private static byte[] corpus(String file) throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    Path path = dir.resolve("../shared/corpus").resolve(file).normalize();
    assertTrue(Files.exists(path), "third-party corpus missing: " + path);
    return Files.readAllBytes(path);
  }

  @Test
  void onboardsBase64ContentAndDeletesIt() throws Exception {
    String content =
        Base64.getEncoder().encodeToString(corpus("osm-descriptors/cirros_vnfd_sol006.yaml"));
    var output =
        invoke(
            PackageOperations.ONBOARD,
            "<content>"
                + content
                + "</content><file-name>cirros.yaml</file-name>"
                + "<allow-unsigned>true</allow-unsigned>");

    assertEquals("true", leaf(output, "accepted"));
    String id = leaf(output, "package-id");
    assertTrue(id.startsWith("pkg-"), id);
    var deviations =
        (MapNode)
            output.childByArg(
                new NodeIdentifier(QName.create(PackageOperations.MODULE, "deviation")));
    assertEquals(12, deviations.size(), "every deviation of the lenient import is returned");
    var record =
        datastore
            .snapshot(DatastoreName.OPERATIONAL)
            .readNode(
                YangInstanceIdentifier.of(
                    new NodeIdentifier(QName.create(PackageOperations.MODULE, "packages"))));
    assertTrue(record.isPresent());

    invoke(PackageOperations.DELETE, "<package-id>" + id + "</package-id>");
    assertTrue(Files.notExists(dataDir.resolve("packages").resolve(id)));
  }

  @Test
  void strictRefusalIsOneErrorPerProblemWithItsPath() throws Exception {
    Files.createDirectories(dataDir.resolve("files"));
    Files.write(
        dataDir.resolve("files/cirros.yaml"), corpus("osm-descriptors/cirros_vnfd_sol006.yaml"));

    var e =
        assertThrows(
            RpcException.class,
            () ->
                invoke(
                    PackageOperations.ONBOARD,
                    "<url>cirros.yaml</url><strict>true</strict><allow-unsigned>true</allow-unsigned>"));
    assertEquals(11, e.errors().size(), e.errors().toString());
    assertTrue(
        e.errors().stream().allMatch(err -> err.appTag().orElse("").equals("onboarding-refused")));
    assertTrue(
        e.errors().stream()
            .anyMatch(
                err ->
                    err.message().startsWith("cirros.yaml /nfv/vnfd[id='cirros_vnfd']/mgmt-cp: ")),
        e.errors().toString());
  }

  @Test
  void urlOutsideTheFilesFolderIsDenied() throws Exception {
    var e =
        assertThrows(
            RpcException.class,
            () -> invoke(PackageOperations.ONBOARD, "<url>../config/store.lock</url>"));
    assertEquals(ErrorTag.ACCESS_DENIED, e.errors().get(0).tag());
  }

  @Test
  void deletingAnUnknownPackageIsDataMissing() throws Exception {
    var e =
        assertThrows(
            RpcException.class,
            () ->
                invoke(PackageOperations.DELETE, "<package-id>pkg-0000000000000000</package-id>"));
    assertEquals(ErrorTag.DATA_MISSING, e.errors().get(0).tag());
  }
}
