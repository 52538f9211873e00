package io.yamano.onboarding.mapping;

import java.util.Set;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;

/** Names of Yamano's SOL006 model and of the ETSI modules it mirrors. */
public final class Sol006 {
  public static final QNameModule NFV_MODULE =
      QNameModule.of(
          XMLNamespace.of("urn:yamano:params:xml:ns:yang:yamano-nfv"), Revision.of("2026-11-24"));

  /** ETSI SOL006 namespaces (the same in every version, v2.6.1 to v4.3.1) and module names. */
  public static final Set<String> ETSI =
      Set.of(
          "urn:etsi:nfv:yang:etsi-nfv-descriptors",
          "urn:etsi:nfv:yang:etsi-nfv-vnfd",
          "urn:etsi:nfv:yang:etsi-nfv-nsd",
          "urn:etsi:nfv:yang:etsi-nfv-pnfd",
          "etsi-nfv-descriptors",
          "etsi-nfv-vnfd",
          "etsi-nfv-nsd",
          "etsi-nfv-pnfd");

  /** Yamano's own namespaces and module names, for documents exported by Yamano. */
  public static final Set<String> YAMANO =
      Set.of(
          "urn:yamano:params:xml:ns:yang:yamano-nfv",
          "urn:yamano:params:xml:ns:yang:yamano-vnfd",
          "urn:yamano:params:xml:ns:yang:yamano-nsd",
          "urn:yamano:params:xml:ns:yang:yamano-pnfd",
          "yamano-nfv",
          "yamano-vnfd",
          "yamano-nsd",
          "yamano-pnfd");

  private Sol006() {}

  /** ETSI's and Yamano's names together: nodes qualified with these are SOL006 nodes. */
  public static Set<String> ownModules() {
    var all = new java.util.HashSet<>(ETSI);
    all.addAll(YAMANO);
    return Set.copyOf(all);
  }
}
