package io.yamano.yang.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangSyntaxErrorException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * The one schema of a Yamano server: every bundled module (each {@code META-INF/yang/*.yang} on the
 * classpath: Yamano's own and the IETF modules NETCONF needs) plus every {@code .yang} file under
 * the operator's model directories ({@code --models DIR}), linked into one {@link
 * EffectiveModelContext}.
 *
 * <p>Loading is all or nothing: if any module fails to parse or link, {@link Builder#load()} throws
 * a {@link ModelLoadException} naming every problem with file and line, and no schema exists. The
 * server refuses to start on it.
 *
 * <p>Identical copies of a module (same name, revision and text) are loaded once. Before yangtools
 * sees the sources, Yamano checks what yangtools reports badly: missing imports, and {@code uses}
 * as a shorthand case under an augment of a choice (RFC 7950 §7.9.2, found in OSM's models). In
 * {@linkplain Builder#lenient(boolean) lenient} mode the latter is repaired in memory and reported
 * in {@link #warnings()}; files on disk are never modified.
 *
 * <pre>{@code
 * SchemaRegistry registry =
 *     SchemaRegistry.builder().addModelDirectory(Path.of("models")).lenient(true).load();
 * EffectiveModelContext context = registry.context();
 * Optional<String> text = registry.source("ietf-netconf", Optional.of("2011-06-01"));
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SchemaRegistry {
  private final EffectiveModelContext context;
  private final List<ModuleSource> sources;
  private final List<ModelWarning> warnings;
  private final Duration loadTime;

  private SchemaRegistry(
      EffectiveModelContext context,
      List<ModuleSource> sources,
      List<ModelWarning> warnings,
      Duration loadTime) {
    this.context = context;
    this.sources = List.copyOf(sources);
    this.warnings = List.copyOf(warnings);
    this.loadTime = loadTime;
  }

  /** A builder with the defaults: bundled modules included, no model directory, strict. */
  public static Builder builder() {
    return new Builder();
  }

  /** The linked schema of all loaded modules. */
  public EffectiveModelContext context() {
    return context;
  }

  /** Every loaded module and submodule, bundled ones first, each once. */
  public List<ModuleSource> sources() {
    return sources;
  }

  /**
   * The loaded module or submodule with this name and revision.
   *
   * @param revision a revision date ({@code YYYY-MM-DD}), or empty for the newest loaded revision
   */
  public Optional<ModuleSource> module(String name, Optional<String> revision) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(revision, "revision");
    return sources.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> revision.isEmpty() || s.revision().equals(revision))
        .max(Comparator.comparing((ModuleSource s) -> s.revision().orElse("")));
  }

  /**
   * The YANG text of a loaded module or submodule, as the schema was built from it: what NETCONF
   * {@code <get-schema>} (RFC 6022 §3.1) returns.
   *
   * @param revision a revision date, or empty for the newest loaded revision
   */
  public Optional<String> source(String module, Optional<String> revision) {
    return module(module, revision).map(ModuleSource::text);
  }

  /** What was accepted with a remark (lenient repairs, ignored duplicates), in load order. */
  public List<ModelWarning> warnings() {
    return warnings;
  }

  /** Wall-clock time {@link Builder#load()} took, from reading sources to the linked context. */
  public Duration loadTime() {
    return loadTime;
  }

  @Override
  public String toString() {
    return "SchemaRegistry["
        + sources.size()
        + " sources, "
        + warnings.size()
        + " warnings, loaded in "
        + loadTime.toMillis()
        + " ms]";
  }

  /** What to load; {@link #load()} may be called more than once. Not thread-safe. */
  public static final class Builder {
    private final List<Path> modelDirectories = new ArrayList<>();
    private boolean lenient;
    private boolean includeBundled = true;
    private ClassLoader classLoader = SchemaRegistry.class.getClassLoader();

    private Builder() {}

    /** Adds a directory whose {@code .yang} files (recursively) are loaded. Default: none. */
    public Builder addModelDirectory(Path directory) {
      modelDirectories.add(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    /**
     * Whether known, unambiguous defects in third-party models are repaired in memory (with a
     * warning) instead of refused. Default: {@code false}. Today one defect is known: a {@code
     * uses} as a shorthand case under an augment of a choice (RFC 7950 §7.9.2), wrapped in a {@code
     * case} named after the grouping.
     */
    public Builder lenient(boolean value) {
      this.lenient = value;
      return this;
    }

    /**
     * Whether the {@code META-INF/yang} modules of the class loader are loaded. Default: {@code
     * true}.
     */
    public Builder includeBundled(boolean value) {
      this.includeBundled = value;
      return this;
    }

    /** Where bundled modules are looked for. Default: the class loader of this class. */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Reads, checks and links all modules.
     *
     * @throws ModelLoadException if any module cannot be read, parsed or linked; no partial schema
     */
    public SchemaRegistry load() throws ModelLoadException {
      long start = System.nanoTime();
      List<ModelProblem> problems = new ArrayList<>();
      List<ModelWarning> warnings = new ArrayList<>();
      List<ParsedSource> read = new ArrayList<>();
      if (includeBundled) {
        read.addAll(ClasspathModules.read(classLoader));
      }
      for (Path directory : modelDirectories) {
        read.addAll(DirectoryModules.read(directory, problems));
      }
      fail(problems);
      List<ParsedSource> sources = deduplicate(read, warnings);

      Map<ParsedSource, String> repaired = Map.of();
      List<ChoiceShorthandRule.Violation> violations = ChoiceShorthandRule.find(sources);
      if (lenient) {
        violations.forEach(v -> warnings.add(ChoiceShorthandRule.repairWarning(v)));
        repaired = ChoiceShorthandRule.repair(violations);
        sources = replace(sources, repaired);
      } else {
        violations.forEach(v -> problems.add(ChoiceShorthandRule.problem(v)));
      }
      problems.addAll(ImportCheck.check(sources));
      fail(problems);

      EffectiveModelContext context = link(sources);
      List<ModuleSource> loaded = new ArrayList<>();
      for (ParsedSource s : sources) {
        loaded.add(
            s.toModuleSource(
                repaired.keySet().stream().anyMatch(r -> r.location().equals(s.location()))));
      }
      return new SchemaRegistry(
          context, loaded, warnings, Duration.ofNanos(System.nanoTime() - start));
    }

    private static EffectiveModelContext link(List<ParsedSource> sources)
        throws ModelLoadException {
      YangParser parser =
          new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
      Map<SourceIdentifier, String> locations = new HashMap<>();
      List<ModelProblem> problems = new ArrayList<>();
      for (ParsedSource s : sources) {
        SourceIdentifier id =
            new SourceIdentifier(s.name(), s.revision().map(Revision::of).orElse(null));
        locations.put(id, s.location());
        try {
          parser.addSource(new StringYangTextSource(id, s.text(), s.location()));
        } catch (YangSyntaxErrorException e) {
          problems.add(ParserFailures.syntax(e, s.location()));
        } catch (IOException | IllegalArgumentException e) {
          problems.add(
              new ModelProblem(SourceLocation.of(s.location()), String.valueOf(e.getMessage())));
        }
      }
      fail(problems);
      try {
        return parser.buildEffectiveModel();
      } catch (YangParserException | RuntimeException e) {
        throw new ModelLoadException(ParserFailures.translate(e, locations), e);
      }
    }

    private static List<ParsedSource> deduplicate(
        List<ParsedSource> read, List<ModelWarning> warnings) {
      Map<String, ParsedSource> byId = new LinkedHashMap<>();
      for (ParsedSource s : read) {
        String key = (s.isSubmodule() ? "submodule " : "module ") + s.id();
        ParsedSource first = byId.putIfAbsent(key, s);
        if (first != null && !first.text().equals(s.text())) {
          warnings.add(
              new ModelWarning(
                  SourceLocation.of(s.location()),
                  s.id()
                      + " is also loaded from "
                      + first.location()
                      + " with different text; this copy is ignored"));
        }
      }
      return new ArrayList<>(byId.values());
    }

    private static List<ParsedSource> replace(
        List<ParsedSource> sources, Map<ParsedSource, String> repaired) {
      return sources.stream()
          .map(s -> repaired.containsKey(s) ? s.withText(repaired.get(s)) : s)
          .toList();
    }

    private static void fail(List<ModelProblem> problems) throws ModelLoadException {
      if (!problems.isEmpty()) {
        throw new ModelLoadException(problems);
      }
    }
  }
}
