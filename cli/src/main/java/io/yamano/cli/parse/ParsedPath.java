package io.yamano.cli.parse;

import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;

/**
 * A command line's path, read against the schema.
 *
 * @param path the instance path named (a container, list, list entry, leaf or leaf-list entry)
 * @param node its schema node; null for the root
 * @param schemaPath the node's absolute schema path
 * @param level the last level reached (where {@code edit} goes, or an action's input)
 * @param values leaves given values ({@code set}), or an action's input leaves
 * @param action the action named ({@code request}), or null
 * @param next index of the first token not consumed (a pipe or the end)
 */
public record ParsedPath(
    YangInstanceIdentifier path,
    DataSchemaNode node,
    List<QName> schemaPath,
    Level level,
    List<Assignment> values,
    ActionDefinition action,
    int next) {

  /** A leaf (or leaf-list entry) given a value on the command line. */
  public record Assignment(
      YangInstanceIdentifier path, DataSchemaNode node, List<QName> schemaPath, Object value) {}

  public ParsedPath {
    schemaPath = List.copyOf(schemaPath);
    values = List.copyOf(values);
  }
}
