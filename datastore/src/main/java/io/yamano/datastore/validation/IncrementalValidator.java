package io.yamano.datastore.validation;

import io.yamano.error.RpcError;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;

/**
 * Yamano's validator for running: checks only what a change can affect, with indexes that follow
 * each commit. Not thread-safe: the datastore calls it under its commit lock.
 */
public final class IncrementalValidator implements ConstraintValidator {
  private final UniqueCheck unique;
  private final XPathCheck xpath;
  private DataTreeCandidate lastCandidate;
  private List<UniqueCheck.Move> lastMoves;

  private IncrementalValidator(DataTree running) {
    var context = running.takeSnapshot().modelContext();
    this.unique = new UniqueCheck(context);
    this.xpath = new XPathCheck(context);
    if (!unique.isEmpty()) {
      unique.build(running.takeSnapshot().readNode(YangInstanceIdentifier.of()).orElseThrow());
    }
  }

  /** Builds the validator and its indexes from the restored running tree. */
  public static IncrementalValidator forRunning(DataTree running) {
    return new IncrementalValidator(running);
  }

  @Override
  public List<RpcError> validate(
      DataTreeCandidate candidate, List<io.yamano.datastore.DataChange> changes) {
    var errors = new ArrayList<RpcError>();
    if (!unique.isEmpty()) {
      var moves = unique.moves(candidate);
      errors.addAll(unique.check(moves));
      lastCandidate = candidate;
      lastMoves = moves;
    }
    if (!xpath.isEmpty()) {
      errors.addAll(xpath.check(changes, candidate.getRootNode().dataAfter()));
    }
    return errors;
  }

  @Override
  public void committed(DataTreeCandidate candidate) {
    if (!unique.isEmpty()) {
      var moves = candidate == lastCandidate ? lastMoves : unique.moves(candidate);
      unique.apply(moves);
    }
    lastCandidate = null;
    lastMoves = null;
  }
}
