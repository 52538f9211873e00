package io.yamano.datastore;

/** The NMDA datastores Yamano keeps (RFC 8342 §5). */
public enum DatastoreName {
  RUNNING("running"),
  CANDIDATE("candidate"),
  STARTUP("startup"),
  OPERATIONAL("operational");

  private final String yangName;

  DatastoreName(String yangName) {
    this.yangName = yangName;
  }

  /** The identity's name in ietf-datastores, also the NETCONF element name. */
  public String yangName() {
    return yangName;
  }
}
