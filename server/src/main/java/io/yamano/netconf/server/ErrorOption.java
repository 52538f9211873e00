package io.yamano.netconf.server;

import java.util.Optional;

/** The {@code <error-option>} of {@code <edit-config>} (RFC 6241 §7.2, §8.5). */
enum ErrorOption {
  /** Stop at the first error; the edits before it are applied (the default). */
  STOP_ON_ERROR("stop-on-error"),
  /** Apply every edit that succeeds and report every one that fails. */
  CONTINUE_ON_ERROR("continue-on-error"),
  /** Apply nothing if any edit fails ({@code :rollback-on-error}, §8.5). */
  ROLLBACK_ON_ERROR("rollback-on-error");

  private final String xmlName;

  ErrorOption(String xmlName) {
    this.xmlName = xmlName;
  }

  static Optional<ErrorOption> of(String xmlName) {
    for (var o : values()) {
      if (o.xmlName.equals(xmlName)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
