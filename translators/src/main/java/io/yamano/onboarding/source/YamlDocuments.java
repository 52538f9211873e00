package io.yamano.onboarding.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML, and JSON as the YAML subset it is, into {@link SourceNode}s. Scalars keep their text
 * as written; the resolved YAML tag only records whether the author wrote a number, a boolean or a
 * string, so that {@code version: 1.0} stays {@code "1.0"} and the report can say it was a number.
 */
public final class YamlDocuments {
  private static final int MAX_ALIASES = 50;

  private YamlDocuments() {}

  /**
   * @return a nameless root holding the top-level members
   */
  public static SourceNode read(byte[] content) throws DocumentSyntaxException {
    var settings =
        LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowDuplicateKeys(false)
            .setLabel("descriptor")
            .build();
    try {
      Optional<Node> root =
          new Compose(settings).composeString(new String(content, StandardCharsets.UTF_8));
      if (root.isEmpty()) {
        throw new DocumentSyntaxException("the document is empty", null);
      }
      if (!(root.get() instanceof MappingNode mapping)) {
        throw new DocumentSyntaxException("the document's top level is not a mapping", null);
      }
      return SourceNode.container("", members(mapping));
    } catch (MarkedYamlEngineException e) {
      throw new DocumentSyntaxException(
          "not well-formed YAML/JSON"
              + e.getProblemMark().map(m -> " at line " + (m.getLine() + 1)).orElse("")
              + ": "
              + e.getProblem(),
          e);
    } catch (YamlEngineException e) {
      throw new DocumentSyntaxException("not well-formed YAML/JSON: " + e.getMessage(), e);
    }
  }

  private static List<SourceNode> members(MappingNode mapping) throws DocumentSyntaxException {
    var out = new ArrayList<SourceNode>();
    for (var tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new DocumentSyntaxException("a mapping key is not a scalar", null);
      }
      String qualified = key.getValue();
      int colon = qualified.indexOf(':');
      String module = colon > 0 ? qualified.substring(0, colon) : "";
      String name = colon > 0 ? qualified.substring(colon + 1) : qualified;
      Node value = tuple.getValueNode();
      if (value instanceof SequenceNode sequence) {
        for (Node item : sequence.getValue()) {
          out.add(convert(module, name, item, true));
        }
      } else {
        out.add(convert(module, name, value, false));
      }
    }
    return out;
  }

  private static SourceNode convert(String module, String name, Node node, boolean inSequence)
      throws DocumentSyntaxException {
    if (node instanceof ScalarNode scalar) {
      return new SourceNode(
          module, name, Optional.of(scalar.getValue()), kind(scalar), List.of(), inSequence);
    }
    if (node instanceof MappingNode mapping) {
      return new SourceNode(
          module, name, Optional.empty(), ScalarKind.NONE, members(mapping), inSequence);
    }
    throw new DocumentSyntaxException(
        "\"" + name + "\" holds a sequence inside a sequence, which no YANG node can hold", null);
  }

  private static ScalarKind kind(ScalarNode scalar) {
    if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
      return ScalarKind.STRING;
    }
    Tag tag = scalar.getTag();
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return ScalarKind.NUMBER;
    }
    if (Tag.BOOL.equals(tag)) {
      return ScalarKind.BOOLEAN;
    }
    if (Tag.NULL.equals(tag)) {
      return ScalarKind.NULL;
    }
    return ScalarKind.STRING;
  }
}
