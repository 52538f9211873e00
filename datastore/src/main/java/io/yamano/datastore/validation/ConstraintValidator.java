package io.yamano.datastore.validation;

import io.yamano.datastore.DataChange;
import io.yamano.error.RpcError;
import java.util.List;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;

/**
 * Checks the YANG constraints that the data tree itself does not enforce ({@code unique}, leafref
 * {@code require-instance}, {@code must}, {@code when}) on a prepared candidate. Implementations
 * evaluate only what the change can affect.
 */
public interface ConstraintValidator {
  /**
   * The violations the candidate would introduce, empty if it is valid.
   *
   * @param changes the candidate's change set, as the commit already extracted it
   */
  List<RpcError> validate(DataTreeCandidate candidate, List<DataChange> changes);

  /** Called after the candidate was committed, so that indexes can follow. */
  void committed(DataTreeCandidate candidate);

  /** A validator that accepts everything (for the operational datastore). */
  ConstraintValidator NONE =
      new ConstraintValidator() {
        @Override
        public List<RpcError> validate(DataTreeCandidate candidate, List<DataChange> changes) {
          return List.of();
        }

        @Override
        public void committed(DataTreeCandidate candidate) {}
      };
}
