package io.yamano.datastore.validation;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;

/**
 * The schema-level shape of an instance path: the QName of every path argument, without keys. Lists
 * and leaf-lists appear twice (the list node and its entry), choices once, cases never — exactly as
 * the path arguments of the data tree do, so a data path maps to its shape in O(depth).
 */
public record DataShape(List<QName> steps) {
  public DataShape {
    steps = List.copyOf(steps);
  }

  public static DataShape of(YangInstanceIdentifier path) {
    var steps = new ArrayList<QName>();
    for (PathArgument arg : path.getPathArguments()) {
      steps.add(arg.getNodeType());
    }
    return new DataShape(steps);
  }

  public DataShape child(QName step) {
    var out = new ArrayList<>(steps);
    out.add(step);
    return new DataShape(out);
  }

  /** Whether {@code other} is this shape or lies below it. */
  public boolean isPrefixOf(DataShape other) {
    return other.steps.size() >= steps.size() && other.steps.subList(0, steps.size()).equals(steps);
  }
}
