package io.yamano.yang.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceRepresentation;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * Model contexts for tests, built from the sources rather than the generated bindings so that a
 * failure points at YANG text, not at a generator quirk.
 */
final class Models {
  static final String YAMANO_NS = "urn:yamano:params:xml:ns:yang:";

  /** Third-party corpus, read in place; Surefire runs from the module directory. */
  static final Path SOL006 = Path.of("../../shared/corpus/yang/etsi-sol006-v4.3.1");

  private static final Path OURS = Path.of("src/main/yang");
  private static final List<String> IETF =
      List.of(
          "ietf-inet-types@2013-07-15.yang",
          "ietf-yang-types@2013-07-15.yang",
          "ietf-netconf-acm@2018-02-14.yang");

  private static EffectiveModelContext yamano;
  private static EffectiveModelContext etsi;

  private Models() {}

  static synchronized EffectiveModelContext yamano() {
    if (yamano == null) {
      yamano = build(OURS);
    }
    return yamano;
  }

  static synchronized EffectiveModelContext etsi() {
    if (etsi == null) {
      etsi = build(SOL006.resolve("src/yang"));
    }
    return etsi;
  }

  private static EffectiveModelContext build(Path dir) {
    try {
      YangParser parser =
          new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
      for (String name : IETF) {
        parser.addSource(ietf(name));
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".yang")).sorted().toList()) {
          parser.addSource(new FileYangTextSource(file));
        }
      }
      return parser.buildEffectiveModel();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (YangParserException e) {
      throw new IllegalStateException("cannot build a model context from " + dir, e);
    }
  }

  private static SourceRepresentation ietf(String name) {
    URL url = Models.class.getClassLoader().getResource("META-INF/yang/" + name);
    if (url == null) {
      throw new IllegalStateException(name + " is not on the test classpath");
    }
    return new URLYangTextSource(url);
  }
}
