package io.yamano.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.yang.registry.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI engine on a real datastore with Yamano's modules, without a terminal. */
class CliSessionTest {
  @TempDir Path dir;
  Datastore datastore;
  CliEnvironment env;
  CliSession cli;

  @BeforeEach
  void start() throws Exception {
    var context = SchemaRegistry.builder().load().context();
    datastore =
        Datastore.open(
            context,
            JournalFileCommitLog.open(dir.resolve("config")),
            JournalFileCommitLog.open(dir.resolve("operational")),
            IncrementalValidator::forRunning);
    permitAll(datastore);
    env = new CliEnvironment(datastore, dir.resolve("files"), "yamano");
    cli = new CliSession(env, datastore.openSession(1, "admin"), Interaction.answering(true));
  }

  /** Access control (RFC 8341) out of the way: these tests are about the CLI, not about it. */
  static void permitAll(Datastore datastore) throws Exception {
    var nacm =
        datastore.context().findModules("ietf-netconf-acm").iterator().next().getQNameModule();
    var q =
        (java.util.function.Function<String, org.opendaylight.yangtools.yang.common.QName>)
            name -> org.opendaylight.yangtools.yang.common.QName.create(nacm, name);
    try (var internal = datastore.openInternalSession("test")) {
      var tx = internal.newTransaction(io.yamano.datastore.DatastoreName.RUNNING);
      tx.merge(
          org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of(q.apply("nacm")),
          org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(
                  new org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier
                      .NodeIdentifier(q.apply("nacm")))
              .withChild(
                  org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode(
                      q.apply("write-default"), "permit"))
              .withChild(
                  org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode(
                      q.apply("exec-default"), "permit"))
              .build());
      tx.commit("test: permit all");
    }
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
    datastore.close();
  }

  private String run(String line) {
    return cli.execute(line);
  }

  @Test
  void setCommitShowAndRollback() {
    run("configure");
    assertEquals("", run("set vim-account vim1 type resource-less description \"first vim\""));
    var pending = run("show configuration");
    assertTrue(pending.contains("+ "), pending);
    assertTrue(pending.contains("vim-account vim1"), pending);
    assertTrue(run("commit comment first").startsWith("Commit complete."));
    assertEquals("No pending changes.\n", run("show configuration"));
    run("set vim-account vim1 description second");
    run("commit");
    var shown = run("show vim-account vim1");
    assertTrue(shown.contains("description second;"), shown);
    var compare = run("compare rollback 1");
    assertTrue(compare.contains("-         description \"first vim\";"), compare);
    assertTrue(compare.contains("+         description second;"), compare);
    run("rollback 1");
    run("commit");
    assertTrue(
        run("run show configuration vim-account vim1 description").contains("\"first vim\""));
  }

  @Test
  void operationalShowUsesTablesAndPipes() {
    run("configure");
    run("set vim-account a type resource-less");
    run("set vim-account b type openstack endpoint http://keystone:5000/v3");
    run("commit and-quit");
    var table = run("show vim-account");
    assertTrue(table.lines().findFirst().orElseThrow().startsWith("name"), table);
    assertEquals("Count: 2 lines\n", run("show vim-account | include \"^[ab] \" | count"));
    assertTrue(run("show vim-account b | display xml").contains("<vim-account"), "xml");
    assertTrue(run("show vim-account b | display json").contains("\"yamano-vim:vim-accounts\""));
    assertTrue(run("show vim-account | exclude openstack | save out.txt").startsWith("Saved"));
    assertTrue(Files.exists(dir.resolve("files/out.txt")));
  }

  @Test
  void syntaxErrorsNameTheColumn() {
    var out = run("show vim-acount x");
    assertTrue(out.contains("syntax error at column 6"), out);
    assertTrue(out.contains("unknown element 'vim-acount'"), out);
    run("configure");
    var value = run("set vim-account v1 type cloudy");
    assertTrue(value.contains("column 25"), value);
    assertTrue(value.contains("invalid value 'cloudy'"), value);
  }

  @Test
  void leafrefErrorNamesThePath() {
    run("configure");
    run("set vim-account v1 type resource-less");
    run("set ns-instance web1 nsd-ref nope vim-account v1 admin-state not-instantiated");
    var out = run("commit");
    assertTrue(out.startsWith("Error: ns-instances ns-instance web1 nsd-ref: "), out);
    assertTrue(out.contains("\"nope\""), out);
    assertTrue(run("show configuration").contains("ns-instance web1"), "changes stay pending");
  }

  @Test
  void completionComesFromTheSchemaAndLiveData() {
    var top = words(cli.complete(""));
    assertTrue(top.contains("configure") && top.contains("show"), top.toString());
    run("configure");
    var setWords = words(cli.complete("set vim-account v1 t"));
    assertTrue(setWords.contains("type"), setWords.toString());
    var types = words(cli.complete("set vim-account v1 type "));
    assertEquals(java.util.List.of("resource-less", "openstack", "kubernetes"), types);
    run("set vim-account v1 type resource-less");
    assertTrue(words(cli.complete("set vim-account ")).contains("v1"), "existing keys");
    assertTrue(
        words(cli.complete("set ns-instance web1 vim-account ")).contains("v1"), "leafref targets");
    assertTrue(words(cli.complete("commit ")).contains("confirmed"));
    assertTrue(words(cli.complete("show vim-account | ")).contains("include"));
  }

  @Test
  void editLevelsAndExitWarning() {
    run("configure");
    run("edit vim-account v1");
    assertEquals("[edit vim-account v1]", cli.banner());
    run("set type resource-less");
    run("up");
    assertEquals("[edit]", cli.banner());
    run("edit vim-accounts vim-account v1");
    assertEquals("[edit vim-accounts vim-account v1]", cli.banner());
    run("up");
    assertEquals("[edit vim-accounts]", cli.banner());
    run("top");
    assertEquals("[edit]", cli.banner());
    var refusing =
        new CliSession(env, datastore.openSession(2, "bob"), Interaction.answering(false));
    refusing.execute("configure");
    refusing.execute("set vim-account v2 type resource-less");
    assertTrue(refusing.execute("exit").contains("Exit cancelled"));
    assertEquals(CliSession.Mode.CONFIGURE, refusing.mode());
    refusing.execute("exit discard");
    assertEquals(CliSession.Mode.OPERATIONAL, refusing.mode());
    refusing.close();
    run("exit");
    assertFalse(cli.closed());
    assertEquals(CliSession.Mode.OPERATIONAL, cli.mode());
  }

  @Test
  void loadMergesXmlAndJson() throws Exception {
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(
        dir.resolve("files/v.json"),
        "{\"yamano-vim:vim-accounts\":{\"vim-account\":[{\"name\":\"j1\",\"type\":\"resource-less\"}]}}");
    run("configure");
    var loaded = run("load merge v.json");
    assertTrue(loaded.startsWith("Loaded"), loaded);
    var xml = run("show vim-account j1 | display xml");
    run("discard");
    Files.writeString(dir.resolve("files/v.xml"), xml);
    loaded = run("load merge v.xml");
    assertTrue(loaded.startsWith("Loaded"), loaded + xml);
    Files.writeString(
        dir.resolve("files/v.yaml"),
        "yamano-vim:vim-accounts:\n  vim-account:\n    - name: y1\n      type: resource-less\n"
            + "      capacity:\n        vcpus: 8\n");
    loaded = run("load merge v.yaml");
    assertTrue(loaded.startsWith("Loaded"), loaded);
    assertTrue(run("show vim-account y1").contains("vcpus 8;"));
    var committed = run("commit");
    assertTrue(committed.startsWith("Commit complete"), committed);
  }

  @Test
  void confirmedCommitRollsBackUnlessConfirmed() throws Exception {
    run("configure");
    run("set vim-account c1 type resource-less");
    var out = run("commit confirmed 1 comment try");
    assertTrue(out.contains("Will roll back in 1 minutes"), out);
    assertTrue(datastore.pendingConfirmedCommit().isPresent());
    assertTrue(run("commit").startsWith("Commit complete"), "a plain commit confirms");
    assertTrue(datastore.pendingConfirmedCommit().isEmpty());
    assertTrue(run("run show configuration vim-account c1").contains("type resource-less;"));
    assertTrue(run("commit check").startsWith("Validation complete"));
    run("set vim-account c1 description changed");
    var dry = run("commit dry-run");
    assertTrue(
        dry.contains("+         description changed;") && dry.contains("Validation complete"), dry);
    assertTrue(
        run("run show configuration vim-account c1").contains("resource-less"),
        "nothing committed");
  }

  @Test
  void sharedCandidateIsTheNetconfCandidate() throws Exception {
    run("configure shared");
    run("set vim-account s1 type resource-less");
    assertTrue(datastore.openSession(7, "netconf-user").candidateModified());
    run("discard");
    assertFalse(datastore.openSession(8, "other").candidateModified());
  }

  private static java.util.List<String> words(io.yamano.cli.parse.Expectation e) {
    return e.choices().stream().map(io.yamano.cli.parse.Expectation.Word::word).toList();
  }
}
