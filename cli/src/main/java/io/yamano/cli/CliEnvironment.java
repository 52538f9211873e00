package io.yamano.cli;

import io.yamano.cli.config.Nodes;
import io.yamano.cli.render.Documents;
import io.yamano.cli.render.PathWords;
import io.yamano.cli.render.TextRenderer;
import io.yamano.cli.schema.SchemaTree;
import io.yamano.cli.schema.Values;
import io.yamano.datastore.Datastore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * What every CLI session of one server shares: the datastore, the schema helpers (built once, they
 * cache per schema node), and the directory {@code load} and {@code | save} use.
 */
public final class CliEnvironment {
  /**
   * Computes what a commit would make the translators do ({@code commit dry-run}), from the
   * configuration as it would be committed; provided by the lifecycle engine where it runs.
   */
  @FunctionalInterface
  public interface PlanPreview {
    String plan(NormalizedNode proposedRunning) throws Exception;
  }

  private final Datastore datastore;
  private final Path filesDirectory;
  private final String hostName;
  private final SchemaTree schema;
  private final Values values;
  private final Nodes nodes;
  private final Documents documents;
  private final TextRenderer text;
  private final PathWords pathWords;
  private volatile PlanPreview planPreview;

  public CliEnvironment(Datastore datastore, Path filesDirectory, String hostName) {
    this.datastore = Objects.requireNonNull(datastore);
    this.filesDirectory = filesDirectory.toAbsolutePath().normalize();
    this.hostName = hostName;
    this.schema = new SchemaTree(datastore.context());
    this.values = new Values(schema);
    this.nodes = new Nodes(datastore.context());
    this.documents = new Documents(datastore.context());
    this.text = new TextRenderer(values);
    this.pathWords = new PathWords(datastore.context(), values);
  }

  public Datastore datastore() {
    return datastore;
  }

  public Path filesDirectory() {
    return filesDirectory;
  }

  public String hostName() {
    return hostName;
  }

  public SchemaTree schema() {
    return schema;
  }

  public Values values() {
    return values;
  }

  public Nodes nodes() {
    return nodes;
  }

  public Documents documents() {
    return documents;
  }

  public TextRenderer text() {
    return text;
  }

  public PathWords pathWords() {
    return pathWords;
  }

  /** Sets the plan preview {@code commit dry-run} shows. */
  public void planPreview(PlanPreview preview) {
    this.planPreview = preview;
  }

  public Optional<PlanPreview> planPreview() {
    return Optional.ofNullable(planPreview);
  }
}
