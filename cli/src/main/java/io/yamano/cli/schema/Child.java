package io.yamano.cli.schema;

import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;

/**
 * A data node as the CLI offers it below a parent.
 *
 * @param word what the user types: the local name, or {@code prefix:name} where two modules clash
 * @param node the schema node reached
 * @param schemaSteps schema-tree steps from the parent to the node (choices and cases included)
 * @param dataSteps the steps that appear in an instance identifier (cases left out)
 */
public record Child(
    String word, DataSchemaNode node, List<QName> schemaSteps, List<QName> dataSteps) {
  public Child {
    schemaSteps = List.copyOf(schemaSteps);
    dataSteps = List.copyOf(dataSteps);
  }
}
