package io.yamano.netconf.data;

import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.ModuleImport;

/** The prefixes a YANG module declares (its own and its imports'), for values in the module. */
record ModuleNamespaceContext(EffectiveModelContext context, Module module)
    implements NamespaceContext {

  @Override
  public String getNamespaceURI(String prefix) {
    if (module.getPrefix().equals(prefix)) {
      return module.getNamespace().toString();
    }
    for (ModuleImport imp : module.getImports()) {
      if (imp.getPrefix().equals(prefix)) {
        var found = context.findModules(imp.getModuleName().getLocalName());
        if (!found.isEmpty()) {
          return found.iterator().next().getNamespace().toString();
        }
      }
    }
    return XMLConstants.NULL_NS_URI;
  }

  @Override
  public String getPrefix(String namespaceURI) {
    return module.getNamespace().toString().equals(namespaceURI) ? module.getPrefix() : null;
  }

  @Override
  public Iterator<String> getPrefixes(String namespaceURI) {
    String prefix = getPrefix(namespaceURI);
    return prefix == null ? List.<String>of().iterator() : List.of(prefix).iterator();
  }
}
