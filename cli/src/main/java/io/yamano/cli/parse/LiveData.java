package io.yamano.cli.parse;

import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/** The data completion offers from: existing list keys and leafref targets. */
public interface LiveData {
  /** The entries of a list instance, as key maps rendered to text. */
  List<List<String>> keys(YangInstanceIdentifier list, List<QName> keyNames);

  /**
   * The values a leafref may take, seen from {@code at} (the instance path of the leaf's parent).
   *
   * @param leafSchemaPath absolute schema path of the leafref leaf
   */
  List<String> leafrefTargets(List<QName> leafSchemaPath, YangInstanceIdentifier at);

  /** No data: completion offers schema words only. */
  LiveData NONE =
      new LiveData() {
        @Override
        public List<List<String>> keys(YangInstanceIdentifier list, List<QName> keyNames) {
          return List.of();
        }

        @Override
        public List<String> leafrefTargets(List<QName> leafSchemaPath, YangInstanceIdentifier at) {
          return List.of();
        }
      };
}
