package io.yamano.netconf.data;

import java.util.Optional;

/**
 * How default data is reported (<a href="https://www.rfc-editor.org/rfc/rfc6243#section-3">RFC 6243
 * §3</a>).
 */
public enum WithDefaultsMode {
  /** Every leaf with a default is reported, whether set or not (§3.1). */
  REPORT_ALL("report-all"),
  /** As {@link #REPORT_ALL}, with {@code wd:default="true"} on leaves at their default (§3.4). */
  REPORT_ALL_TAGGED("report-all-tagged"),
  /** Leaves whose value equals their default are left out (§3.2). */
  TRIM("trim"),
  /** Data as stored: set leaves are reported, even at their default value (§3.3). */
  EXPLICIT("explicit");

  private final String xmlName;

  WithDefaultsMode(String xmlName) {
    this.xmlName = xmlName;
  }

  /** The value of the {@code <with-defaults>} parameter. */
  public String xmlName() {
    return xmlName;
  }

  /** Looks up a mode by its parameter value. */
  public static Optional<WithDefaultsMode> of(String xmlName) {
    for (WithDefaultsMode mode : values()) {
      if (mode.xmlName.equals(xmlName)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
