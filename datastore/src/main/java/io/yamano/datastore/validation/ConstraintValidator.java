package io.yamano.datastore.validation;

import io.yamano.error.RpcError;
import java.util.List;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;

/**
 * Checks the YANG constraints that the data tree itself does not enforce ({@code unique}, leafref
 * {@code require-instance}, {@code must}, {@code when}) on a prepared candidate. Implementations
 * evaluate only what the change can affect.
 */
public interface ConstraintValidator {
  /** The violations the candidate would introduce, empty if it is valid. */
  List<RpcError> validate(DataTreeCandidate candidate);

  /** Called after the candidate was committed, so that indexes can follow. */
  void committed(DataTreeCandidate candidate);

  /** A validator that accepts everything (for the operational datastore). */
  ConstraintValidator NONE =
      new ConstraintValidator() {
        @Override
        public List<RpcError> validate(DataTreeCandidate candidate) {
          return List.of();
        }

        @Override
        public void committed(DataTreeCandidate candidate) {}
      };
}
