package io.yamano.lcm.model;

import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The modules the lifecycle engine reads and writes, resolved in a schema (so that their revisions
 * are the loaded ones).
 */
public record YangNames(QNameModule nfv, QNameModule ns, QNameModule vim, QNameModule lcm) {

  public static final String NFV_NAMESPACE = "urn:yamano:params:xml:ns:yang:yamano-nfv";
  public static final String NS_NAMESPACE = "urn:yamano:params:xml:ns:yang:yamano-ns";
  public static final String VIM_NAMESPACE = "urn:yamano:params:xml:ns:yang:yamano-vim";
  public static final String LCM_NAMESPACE = "urn:yamano:params:xml:ns:yang:yamano-lcm";

  /**
   * @throws IllegalArgumentException if a module is not in the schema
   */
  public static YangNames of(EffectiveModelContext context) {
    return new YangNames(
        module(context, NFV_NAMESPACE),
        module(context, NS_NAMESPACE),
        module(context, VIM_NAMESPACE),
        module(context, LCM_NAMESPACE));
  }

  private static QNameModule module(EffectiveModelContext context, String namespace) {
    var found = context.findModules(XMLNamespace.of(namespace));
    if (found.isEmpty()) {
      throw new IllegalArgumentException("the schema lacks the module of " + namespace);
    }
    return found.iterator().next().getQNameModule();
  }

  public QName nfv(String name) {
    return QName.create(nfv, name);
  }

  public QName ns(String name) {
    return QName.create(ns, name);
  }

  public QName vim(String name) {
    return QName.create(vim, name);
  }

  public QName lcm(String name) {
    return QName.create(lcm, name);
  }
}
