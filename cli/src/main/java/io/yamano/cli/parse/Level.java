package io.yamano.cli.parse;

import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;

/**
 * A place in the data tree where names of children can follow: the root, a container, a list entry
 * or an action's input.
 *
 * @param container the schema node whose children come next
 * @param schemaPath its absolute schema path (empty for the root)
 * @param path its instance path
 * @param words the words that lead here, for the {@code [edit ...]} banner
 */
public record Level(
    DataNodeContainer container,
    List<QName> schemaPath,
    YangInstanceIdentifier path,
    List<String> words) {
  public Level {
    schemaPath = List.copyOf(schemaPath);
    words = List.copyOf(words);
  }

  public boolean isRoot() {
    return path.isEmpty();
  }
}
