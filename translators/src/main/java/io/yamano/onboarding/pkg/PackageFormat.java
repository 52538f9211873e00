package io.yamano.onboarding.pkg;

/** How a package arrived. */
public enum PackageFormat {
  /** ETSI SOL004 CSAR: a zip archive. */
  SOL004_CSAR("sol004-csar"),
  /** OSM package: a gzip-compressed tar of one directory. */
  OSM_TAR_GZ("osm-tar-gz"),
  /** A descriptor file on its own. */
  DESCRIPTOR("descriptor");

  private final String yangName;

  PackageFormat(String yangName) {
    this.yangName = yangName;
  }

  /** The enum value in module {@code yamano-packages}. */
  public String yangName() {
    return yangName;
  }
}
