package io.yamano.datastore.xpath;

import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint64TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint8TypeDefinition;

/**
 * Reads the canonical string of a list key back into the Java value the data tree stores, so that a
 * key can be looked up in a {@code MapNode}. Types it cannot read (unions, decimal64, bits, binary,
 * ...) answer {@link #UNSUPPORTED}, and the caller scans instead.
 */
final class KeyCodec {
  /** The type is not supported: scan the list. */
  static final Object UNSUPPORTED = new Object();

  /** The string is no valid value of the type, so no entry can have it. */
  static final Object NO_MATCH = new Object();

  private KeyCodec() {}

  static boolean isInteger(final TypeDefinition<?> type) {
    return type instanceof Int8TypeDefinition
        || type instanceof Int16TypeDefinition
        || type instanceof Int32TypeDefinition
        || type instanceof Int64TypeDefinition
        || type instanceof Uint8TypeDefinition
        || type instanceof Uint16TypeDefinition
        || type instanceof Uint32TypeDefinition
        || type instanceof Uint64TypeDefinition;
  }

  static Object parse(final TypeDefinition<?> type, final String str, final SchemaSupport support) {
    try {
      if (type instanceof StringTypeDefinition || type instanceof EnumTypeDefinition) {
        return str;
      }
      if (type instanceof BooleanTypeDefinition) {
        return "true".equals(str) ? Boolean.TRUE : "false".equals(str) ? Boolean.FALSE : NO_MATCH;
      }
      if (type instanceof Int8TypeDefinition) {
        return Byte.valueOf(str);
      }
      if (type instanceof Int16TypeDefinition) {
        return Short.valueOf(str);
      }
      if (type instanceof Int32TypeDefinition) {
        return Integer.valueOf(str);
      }
      if (type instanceof Int64TypeDefinition) {
        return Long.valueOf(str);
      }
      if (type instanceof Uint8TypeDefinition) {
        return Uint8.valueOf(str);
      }
      if (type instanceof Uint16TypeDefinition) {
        return Uint16.valueOf(str);
      }
      if (type instanceof Uint32TypeDefinition) {
        return Uint32.valueOf(str);
      }
      if (type instanceof Uint64TypeDefinition) {
        return Uint64.valueOf(str);
      }
      if (type instanceof IdentityrefTypeDefinition) {
        final int colon = str.indexOf(':');
        if (colon < 0) {
          return NO_MATCH;
        }
        final List<Module> modules = support.modulesWithPrefix(str.substring(0, colon));
        if (modules.size() > 1) {
          return UNSUPPORTED;
        }
        return modules.isEmpty()
            ? NO_MATCH
            : QName.create(modules.get(0).getQNameModule(), str.substring(colon + 1));
      }
    } catch (IllegalArgumentException e) {
      return NO_MATCH;
    }
    return UNSUPPORTED;
  }
}
