package io.yamano.onboarding.pkg;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The files of a package by their path inside it ({@code Definitions/vnfd.yaml}), with the
 * archive's single top directory removed for OSM packages.
 *
 * @param format how the package arrived
 * @param name the package's file name
 * @param files file contents by path, sorted
 */
public record PackageContent(PackageFormat format, String name, Map<String, byte[]> files) {
  public PackageContent {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(name, "name");
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  public long size() {
    return files.values().stream().mapToLong(b -> b.length).sum();
  }
}
