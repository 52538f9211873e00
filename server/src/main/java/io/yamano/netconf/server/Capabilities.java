package io.yamano.netconf.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.YangVersion;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.FeatureDefinition;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * The capabilities the server's {@code <hello>} announces besides base:1.0 and base:1.1 (which the
 * transport adds): only what the operations of this package implement.
 *
 * <ul>
 *   <li>{@code :writable-running}, {@code :candidate}, {@code :confirmed-commit:1.1}, {@code
 *       :rollback-on-error}, {@code :validate:1.1}, {@code :startup}, {@code :url} ({@code file}
 *       only), {@code :xpath} (RFC 6241 §8);
 *   <li>{@code :notification:1.0} and {@code :interleave:1.0} (RFC 5277 §3.1, §6);
 *   <li>{@code :with-defaults} with basic mode {@code explicit} (RFC 6243 §4);
 *   <li>{@code yang-library:1.1} with the content-id (RFC 8526 §2, RFC 8525 §4);
 *   <li>one module capability per YANG 1.0 module (RFC 6020 §5.6.4), for NETCONF clients that do
 *       not read the YANG library; YANG 1.1 modules are only in the library (RFC 7950 §5.6.4).
 * </ul>
 */
final class Capabilities {
  private static final String CAP = "urn:ietf:params:netconf:capability:";

  /** The ietf-netconf features this server implements (RFC 6241 §10). */
  static final Set<String> NETCONF_FEATURES =
      Set.of(
          "writable-running",
          "candidate",
          "rollback-on-error",
          "validate",
          "startup",
          "url",
          "xpath",
          "confirmed-commit");

  static final String WITH_DEFAULTS =
      CAP
          + "with-defaults:1.0?basic-mode=explicit&also-supported=report-all,report-all-tagged,trim";

  private Capabilities() {}

  static List<String> of(EffectiveModelContext schema, String contentId) {
    var caps = new ArrayList<String>();
    caps.add(CAP + "writable-running:1.0");
    caps.add(CAP + "candidate:1.0");
    caps.add(CAP + "rollback-on-error:1.0");
    caps.add(CAP + "validate:1.1");
    caps.add(CAP + "confirmed-commit:1.1");
    caps.add(CAP + "startup:1.0");
    caps.add(CAP + "url:1.0?scheme=file");
    caps.add(CAP + "xpath:1.0");
    caps.add(WITH_DEFAULTS);
    caps.add(CAP + "notification:1.0");
    caps.add(CAP + "interleave:1.0");
    caps.add(CAP + "yang-library:1.1?revision=2019-01-04&content-id=" + contentId);
    schema.getModules().stream()
        .filter(m -> m.getYangVersion() == YangVersion.VERSION_1)
        .sorted(Comparator.comparing(Module::getName))
        .forEach(m -> caps.add(moduleCapability(m)));
    return List.copyOf(caps);
  }

  /** {@code namespace?module=name&revision=date&features=...} (RFC 6020 §5.6.4). */
  private static String moduleCapability(Module m) {
    var uri = new StringBuilder(m.getNamespace().toString()).append("?module=").append(m.getName());
    m.getRevision().ifPresent(r -> uri.append("&revision=").append(r));
    var features = features(m);
    if (!features.isEmpty()) {
      uri.append("&features=").append(String.join(",", features));
    }
    return uri.toString();
  }

  /** The features of a module the server announces as supported. */
  static List<String> features(Module m) {
    return m.getFeatures().stream()
        .map(FeatureDefinition::getQName)
        .map(q -> q.getLocalName())
        .filter(f -> !m.getName().equals("ietf-netconf") || NETCONF_FEATURES.contains(f))
        .filter(f -> !m.getName().equals("ietf-netconf-nmda") || !f.equals("origin"))
        .sorted()
        .collect(Collectors.toList());
  }

  /** A content-id (RFC 8525 §3) that changes whenever the set of modules does. */
  static String contentId(EffectiveModelContext schema) {
    var ids =
        schema.getModules().stream()
            .map(m -> m.getName() + "@" + m.getRevision().map(Object::toString).orElse(""))
            .sorted()
            .collect(Collectors.joining("\n"));
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
