package io.yamano.netconf.data;

import java.util.Optional;

/**
 * The {@code <default-operation>} parameter of {@code <edit-config>} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-7.2">RFC 6241 §7.2</a>).
 */
public enum DefaultOperation {
  /** Elements without an {@code operation} attribute are merged (the default). */
  MERGE("merge"),
  /** The {@code <config>} content replaces the whole configuration. */
  REPLACE("replace"),
  /** Elements without an {@code operation} attribute only lead to the nested ones. */
  NONE("none");

  private final String xmlName;

  DefaultOperation(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The parameter value. */
  public String xmlName() {
    return xmlName;
  }

  /** Looks up a default operation by its parameter value. */
  public static Optional<DefaultOperation> of(String xmlName) {
    for (DefaultOperation op : values()) {
      if (op.xmlName.equals(xmlName)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
