package io.yamano.netconf.data;

import java.util.Optional;

/**
 * The value of the {@code operation} attribute of {@code <edit-config>} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-7.2">RFC 6241 §7.2</a>).
 */
public enum Operation {
  /** Merged with the existing data at the same level. */
  MERGE("merge"),
  /** Replaces the existing data; missing children are removed. */
  REPLACE("replace"),
  /** Creates the data; {@code data-exists} if it is already there. */
  CREATE("create"),
  /** Deletes the data; {@code data-missing} if it is not there. */
  DELETE("delete"),
  /** Deletes the data if it is there. */
  REMOVE("remove"),
  /**
   * Not an attribute value: a level that {@code default-operation none} only walks through, which
   * must exist ({@code data-missing} otherwise, RFC 6241 §7.2).
   */
  EXISTING("");

  private final String xmlName;

  Operation(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The attribute value. */
  public String xmlName() {
    return xmlName;
  }

  /** True for {@code delete} and {@code remove}, which carry no data. */
  public boolean removes() {
    return this == DELETE || this == REMOVE;
  }

  /** True for the operations that carry no data. */
  public boolean carriesNoData() {
    return removes() || this == EXISTING;
  }

  /** Looks up an operation by its attribute value. */
  public static Optional<Operation> of(String xmlName) {
    for (Operation op : values()) {
      if (op != EXISTING && op.xmlName.equals(xmlName)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
