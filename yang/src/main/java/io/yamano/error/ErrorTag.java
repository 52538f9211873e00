package io.yamano.error;

/**
 * The {@code error-tag} values of RFC 6241 Appendix A, each with the HTTP status RFC 8040 §7 maps
 * it to.
 */
public enum ErrorTag {
  /** The request requires a resource that already is in use. */
  IN_USE("in-use", 409),
  /** The request specifies an unacceptable value for one or more parameters. */
  INVALID_VALUE("invalid-value", 400),
  TOO_BIG("too-big", 413),
  /** An expected attribute is missing. */
  MISSING_ATTRIBUTE("missing-attribute", 400),
  BAD_ATTRIBUTE("bad-attribute", 400),
  UNKNOWN_ATTRIBUTE("unknown-attribute", 400),
  /** An expected element is missing. */
  MISSING_ELEMENT("missing-element", 400),
  BAD_ELEMENT("bad-element", 400),
  UNKNOWN_ELEMENT("unknown-element", 400),
  UNKNOWN_NAMESPACE("unknown-namespace", 400),
  ACCESS_DENIED("access-denied", 403),
  /**
   * Access to the requested lock is denied because the lock is currently held by another entity.
   */
  LOCK_DENIED("lock-denied", 409),
  RESOURCE_DENIED("resource-denied", 409),
  ROLLBACK_FAILED("rollback-failed", 500),
  /** Request could not be completed because the relevant data model content already exists. */
  DATA_EXISTS("data-exists", 409),
  /** Request could not be completed because the relevant data model content does not exist. */
  DATA_MISSING("data-missing", 409),
  OPERATION_NOT_SUPPORTED("operation-not-supported", 501),
  /** Request could not be completed because the requested operation failed for another reason. */
  OPERATION_FAILED("operation-failed", 500),
  /** The message could not be handled because it failed to be parsed correctly. */
  MALFORMED_MESSAGE("malformed-message", 400);

  private final String xmlName;
  private final int httpStatus;

  ErrorTag(String xmlName, int httpStatus) {
    this.xmlName = xmlName;
    this.httpStatus = httpStatus;
  }

  /** The value as it appears in {@code <error-tag>}. */
  public String xmlName() {
    return xmlName;
  }

  /** The HTTP status a RESTCONF server answers with for this tag (RFC 8040 §7). */
  public int httpStatus() {
    return httpStatus;
  }

  /** Looks up a tag by its XML name. */
  public static ErrorTag of(String xmlName) {
    for (ErrorTag tag : values()) {
      if (tag.xmlName.equals(xmlName)) {
        return tag;
      }
    }
    throw new IllegalArgumentException("unknown error-tag " + xmlName);
  }
}
