package io.yamano.cli.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.cli.parse.PathParser.Purpose;
import io.yamano.cli.schema.SchemaTree;
import io.yamano.cli.schema.Values;
import io.yamano.yang.registry.SchemaRegistry;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** Reading command words against Yamano's own modules, without data. */
class PathParserTest {
  static EffectiveModelContext context;
  static PathParser parser;
  static Level root;

  @BeforeAll
  static void load() throws Exception {
    context = SchemaRegistry.builder().load().context();
    var schema = new SchemaTree(context);
    var live =
        new LiveData() {
          @Override
          public List<List<String>> keys(YangInstanceIdentifier list, List<QName> keyNames) {
            return List.of(List.of("web1"), List.of("db1"));
          }

          @Override
          public List<String> leafrefTargets(List<QName> path, YangInstanceIdentifier at) {
            return List.of("lab");
          }
        };
    parser = new PathParser(schema, new Values(schema), live);
    root = new Level(context, List.of(), YangInstanceIdentifier.of(), List.of());
  }

  private static ParsedPath parse(String line, Purpose purpose) throws CliSyntaxException {
    return parser.parse(root, Tokenizer.tokenize(line), 0, purpose);
  }

  private static List<String> words(String line, Purpose purpose) throws CliSyntaxException {
    var tokens = Tokenizer.tokenizeForCompletion(line);
    return parser.expect(root, tokens, 0, tokens.size() - 1, purpose).choices().stream()
        .map(Expectation.Word::word)
        .toList();
  }

  @Test
  void tokensKeepTheirColumnsAndQuotes() throws Exception {
    var tokens = Tokenizer.tokenize("set a \"b c\"|include 'x|y'");
    assertEquals(
        List.of("set", "a", "b c", "|", "include", "x|y"),
        tokens.stream().map(Token::text).toList());
    assertEquals(6, tokens.get(2).start());
    assertTrue(tokens.get(3).isPipe());
    assertTrue(!tokens.get(5).isPipe() && tokens.get(5).quoted());
    var e = assertThrows(CliSyntaxException.class, () -> Tokenizer.tokenize("set \"open"));
    assertEquals(4, e.column());
  }

  @Test
  void aWrapperContainerMayBeSkipped() throws Exception {
    var shortcut = parse("ns-instance web1 vnf", Purpose.SHOW);
    var full = parse("ns-instances ns-instance web1 vnf", Purpose.SHOW);
    assertEquals(full.path(), shortcut.path());
    assertEquals(4, shortcut.path().getPathArguments().size());
  }

  @Test
  void namesMayBeAbbreviatedUnlessAmbiguous() throws Exception {
    assertEquals(
        parse("vim-accounts vim-account lab", Purpose.SHOW).path(),
        parse("vim-accounts vim-a lab", Purpose.SHOW).path());
    var e = assertThrows(CliSyntaxException.class, () -> parse("n", Purpose.SHOW));
    assertTrue(e.getMessage().startsWith("ambiguous 'n'"), e.getMessage());
    assertEquals(
        parse("vim-account lab type resource-less", Purpose.SET).values(),
        parse("vim-account lab ty resource-less", Purpose.SET).values());
  }

  @Test
  void setReadsSeveralLeavesAndChecksTypes() throws Exception {
    var parsed = parse("vim-account v1 type openstack description \"a b\"", Purpose.SET);
    assertEquals(2, parsed.values().size());
    assertEquals("a b", parsed.values().get(1).value());
    var e =
        assertThrows(
            CliSyntaxException.class, () -> parse("vim-account v1 type cloud", Purpose.SET));
    assertEquals(20, e.column());
    var missing =
        assertThrows(CliSyntaxException.class, () -> parse("vim-account v1 type", Purpose.SET));
    assertTrue(missing.getMessage().startsWith("missing value for type"), missing.getMessage());
    assertEquals(20, missing.column());
  }

  @Test
  void actionInputTakesNamesSuffixesAndLoneEnumValues() throws Exception {
    var parsed = parse("ns-instance web1 scale aspect web out", Purpose.REQUEST);
    assertEquals("scale", parsed.action().getQName().getLocalName());
    assertEquals(
        List.of("web", "out"),
        parsed.values().stream().map(a -> String.valueOf(a.value())).toList());
    assertEquals(3, parsed.path().getPathArguments().size(), "the target is the ns-instance entry");
  }

  @Test
  void completionOffersSchemaWordsKeysValuesAndLeafrefTargets() throws Exception {
    assertTrue(words("", Purpose.SHOW).contains("ns-instance"));
    assertEquals(List.of("web1", "db1"), words("ns-instance ", Purpose.SET));
    assertEquals(
        List.of("resource-less", "openstack", "kubernetes"),
        words("vim-account v type ", Purpose.SET));
    assertTrue(words("ns-instance web1 vim-account ", Purpose.SET).contains("lab"));
    assertTrue(
        !words("ns-instance web1 ", Purpose.SET).contains("name"), "keys are not offered again");
    assertTrue(words("ns-instance web1 ", Purpose.REQUEST).contains("instantiate"));
  }
}
