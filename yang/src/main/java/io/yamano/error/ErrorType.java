package io.yamano.error;

/** The layer an error was detected in (RFC 6241 §4.3, {@code error-type}). */
public enum ErrorType {
  TRANSPORT("transport"),
  RPC("rpc"),
  PROTOCOL("protocol"),
  APPLICATION("application");

  private final String xmlName;

  ErrorType(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The value as it appears in {@code <error-type>}. */
  public String xmlName() {
    return xmlName;
  }
}
