package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.secret.SecretException;
import io.yamano.datastore.secret.Secrets;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** {@code yaaa:secret} leaves are sealed by the transaction, whatever writes them. */
class SecretSealingTest {
  static final String VIM = "urn:yamano:params:xml:ns:yang:yamano-vim";
  static final String CLEAR = "s3cr3t-Keystone-pass";
  static EffectiveModelContext context;

  @TempDir Path dir;

  @BeforeAll
  static void schema() throws Exception {
    context = SchemaRegistry.builder().load().context();
  }

  @Test
  void theSchemaMarksTheVimVnfAndDescriptorSecrets() {
    var leaves = io.yamano.datastore.secret.SecretLeaves.of(context);
    // VIM password and token, the VNF management password, SOL006 vnfd credentials.
    assertTrue(leaves.count() >= 4, "secret leaves: " + leaves.count());
  }

  @Test
  void aClearPasswordIsStoredSealedAndOpensToTheSameText() throws Exception {
    var secrets = Secrets.open(dir.resolve("secret.key"));
    try (var ds = open(secrets)) {
      commit(ds, account("lab", CLEAR));
      String stored = password(ds, "lab");
      assertTrue(stored.startsWith(Secrets.PREFIX), stored);
      assertFalse(stored.contains(CLEAR));
      assertEquals(CLEAR, secrets.open(stored));
      // Written again in clear, it is sealed again with a new nonce.
      commit(ds, account("lab", CLEAR));
      assertNotEquals(stored, password(ds, "lab"));
    }
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.key"))));
    assertNoFileHolds(dir, CLEAR);
  }

  @Test
  void aLeafWrittenAloneIsSealedToo() throws Exception {
    var secrets = Secrets.ephemeral();
    try (var ds = open(secrets)) {
      commit(ds, account("lab", "first"));
      var leaf = accountPath("lab").node(id("credentials")).node(id("secret")).node(id("password"));
      var tx = ds.openInternalSession("t").newTransaction(DatastoreName.RUNNING);
      tx.merge(leaf, ImmutableNodes.leafNode(qname("password"), CLEAR));
      tx.commit("leaf");
      assertEquals(CLEAR, secrets.open(password(ds, "lab")));
    }
  }

  @Test
  void aSealedValueWrittenBackIsKeptAsItIs() throws Exception {
    var secrets = Secrets.ephemeral();
    try (var ds = open(secrets)) {
      commit(ds, account("lab", CLEAR));
      String sealed = password(ds, "lab");
      commit(ds, account("copy", sealed));
      assertEquals(sealed, password(ds, "copy"));
    }
  }

  @Test
  void aSealedValueOfAnotherKeyOrAlteredIsRefusedWithItsPath() throws Exception {
    String foreign = Secrets.ephemeral().seal(CLEAR);
    try (var ds = open(Secrets.ephemeral())) {
      var e = assertThrows(RpcException.class, () -> commit(ds, account("lab", foreign)));
      var error = e.errors().get(0);
      assertEquals(ErrorTag.INVALID_VALUE, error.tag());
      assertTrue(error.path().orElseThrow().toString().contains("password"), error.toString());
      assertTrue(error.message().contains("another key"), error.message());
      assertTrue(ds.snapshot(DatastoreName.RUNNING).readNode(accountPath("lab")).isEmpty());
    }
    var secrets = Secrets.ephemeral();
    String sealed = secrets.seal(CLEAR);
    char[] chars = sealed.toCharArray();
    int last = chars.length - 1;
    chars[last] = chars[last] == 'A' ? 'B' : 'A';
    assertThrows(SecretException.class, () -> secrets.open(new String(chars)));
  }

  @Test
  void aCandidateEditIsSealedBeforeItIsCommitted() throws Exception {
    var secrets = Secrets.ephemeral();
    try (var ds = open(secrets)) {
      var session = ds.openInternalSession("t");
      var tx = session.newTransaction(DatastoreName.CANDIDATE);
      var data = account("lab", CLEAR);
      tx.merge(YangInstanceIdentifier.of(data.name()), data);
      tx.commit(null);
      var candidate =
          ds.snapshot(DatastoreName.CANDIDATE)
              .readNode(
                  accountPath("lab")
                      .node(id("credentials"))
                      .node(id("secret"))
                      .node(id("password")))
              .orElseThrow();
      assertTrue(String.valueOf(candidate.body()).startsWith(Secrets.PREFIX));
    }
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    var key = dir.resolve("secret.key");
    Secrets.open(key);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    var e = assertThrows(java.io.IOException.class, () -> Secrets.open(key));
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
  }

  private Datastore open(Secrets secrets) throws Exception {
    return Datastore.open(
        context,
        JournalFileCommitLog.open(dir.resolve("config")),
        JournalFileCommitLog.open(dir.resolve("operational")),
        IncrementalValidator::forRunning,
        secrets);
  }

  private static void commit(Datastore ds, ContainerNode data) throws RpcException {
    var tx = ds.openInternalSession("t").newTransaction(DatastoreName.RUNNING);
    tx.merge(YangInstanceIdentifier.of(data.name()), data);
    tx.commit("t");
  }

  private static String password(Datastore ds, String account) {
    var leaf =
        ds.snapshot(DatastoreName.RUNNING)
            .readNode(
                accountPath(account)
                    .node(id("credentials"))
                    .node(id("secret"))
                    .node(id("password")))
            .orElseThrow();
    return String.valueOf(((LeafNode<?>) leaf).body());
  }

  private static ContainerNode account(String name, String password) throws Exception {
    String xml =
        "<config><vim-accounts xmlns=\""
            + VIM
            + "\"><vim-account><name>"
            + name
            + "</name><type>openstack</type><endpoint>https://keystone.example:5000/v3</endpoint><credentials><user>admin</user><password>"
            + password
            + "</password></credentials></vim-account></vim-accounts></config>";
    var reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
    var holder = new NormalizationResultHolder();
    XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), context).parse(reader);
    var root = (ContainerNode) holder.getResult().data();
    return (ContainerNode) root.body().iterator().next();
  }

  private static YangInstanceIdentifier accountPath(String name) {
    return YangInstanceIdentifier.of(
        id("vim-accounts"),
        id("vim-account"),
        NodeIdentifierWithPredicates.of(qname("vim-account"), qname("name"), name));
  }

  private static NodeIdentifier id(String name) {
    return new NodeIdentifier(qname(name));
  }

  private static QName qname(String name) {
    return QName.create(VIM, "2026-11-24", name);
  }

  private static void assertNoFileHolds(Path root, String clear) throws Exception {
    byte[] needle = clear.getBytes(StandardCharsets.UTF_8);
    try (var files = Files.walk(root)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        assertFalse(contains(content, needle), file + " holds the secret in clear");
      }
    }
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
