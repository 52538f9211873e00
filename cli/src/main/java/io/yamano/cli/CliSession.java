package io.yamano.cli;

import io.yamano.cli.config.CommitOptions;
import io.yamano.cli.config.Edit;
import io.yamano.cli.config.Nodes;
import io.yamano.cli.config.PrivateCandidate;
import io.yamano.cli.config.SharedCandidate;
import io.yamano.cli.config.Workspace;
import io.yamano.cli.parse.CliSyntaxException;
import io.yamano.cli.parse.Expectation;
import io.yamano.cli.parse.Expectation.Word;
import io.yamano.cli.parse.Level;
import io.yamano.cli.parse.ParsedPath;
import io.yamano.cli.parse.PathParser;
import io.yamano.cli.parse.PathParser.Purpose;
import io.yamano.cli.parse.Token;
import io.yamano.cli.parse.Tokenizer;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.datastore.nacm.Access;
import io.yamano.datastore.operation.Invoker;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * One user's CLI: its mode, working copy and edit level, running command lines and answering
 * completion. Knows nothing of terminals: {@link #execute} returns the text to print.
 */
public final class CliSession implements AutoCloseable {
  /** The two modes, as in ConfD and Junos. */
  public enum Mode {
    OPERATIONAL,
    CONFIGURE
  }

  /** Output formats chosen with {@code | display}. */
  enum Format {
    TEXT,
    XML,
    JSON
  }

  private static final List<Word> OPERATIONAL_COMMANDS =
      List.of(
          new Word(
              "configure",
              "Enter configure mode (private candidate; 'configure shared' for the shared one)"),
          new Word("exit", "Close the session"),
          new Word("quit", "Close the session"),
          new Word("request", "Invoke an action on a data node"),
          new Word("show", "Show configuration and state"));

  private static final List<Word> CONFIGURE_COMMANDS =
      List.of(
          new Word("commit", "Commit the pending changes into running"),
          new Word("compare", "Compare the working configuration with a rollback"),
          new Word("delete", "Delete a configuration node"),
          new Word("discard", "Drop every pending change"),
          new Word("edit", "Descend into a container or list entry"),
          new Word("exit", "Leave the edit level, then configure mode"),
          new Word("load", "Load configuration from a file (XML, JSON or YAML)"),
          new Word("rollback", "Load the configuration of N commits ago into the working copy"),
          new Word("run", "Run an operational-mode command"),
          new Word("set", "Set a value or create a node"),
          new Word(
              "show", "Show the working configuration ('show configuration': pending changes)"),
          new Word("top", "Go to the top edit level"),
          new Word("up", "Go up one edit level (or N)"),
          new Word("validate", "Validate the working configuration as a commit would"));

  private static final List<Word> PIPES =
      List.of(
          new Word("count", "Count the lines"),
          new Word("display", "Show as xml or json"),
          new Word("exclude", "Drop the lines matching a regular expression"),
          new Word("include", "Keep only the lines matching a regular expression"),
          new Word("save", "Save the output to a file"));

  private final CliEnvironment env;
  private final DatastoreSession session;
  private final Interaction interaction;
  private final Level root;
  private Mode mode = Mode.OPERATIONAL;
  private Workspace workspace;
  private Level editLevel;
  private boolean closed;
  private boolean failed;

  public CliSession(CliEnvironment env, DatastoreSession session, Interaction interaction) {
    this.env = env;
    this.session = session;
    this.interaction = interaction;
    EffectiveModelContext context = env.datastore().context();
    this.root = new Level(context, List.of(), YangInstanceIdentifier.of(), List.of());
    this.editLevel = root;
  }

  public Mode mode() {
    return mode;
  }

  public boolean closed() {
    return closed;
  }

  /** The prompt, such as {@code admin@yamano> } or {@code admin@yamano% }. */
  public String prompt() {
    return session.user() + "@" + env.hostName() + (mode == Mode.OPERATIONAL ? "> " : "% ");
  }

  /** The {@code [edit ...]} banner shown above the prompt in configure mode, or empty. */
  public String banner() {
    if (mode != Mode.CONFIGURE) {
      return "";
    }
    return editLevel.words().isEmpty()
        ? "[edit]"
        : "[edit " + String.join(" ", editLevel.words()) + "]";
  }

  // ---------------------------------------------------------------- execution

  /** Runs one command line; returns what to print (ending with a newline unless empty). */
  public String execute(String line) {
    failed = true;
    List<Token> tokens;
    try {
      tokens = Tokenizer.tokenize(line);
    } catch (CliSyntaxException e) {
      return syntaxError(e);
    }
    if (tokens.isEmpty()) {
      failed = false;
      return "";
    }
    try {
      int pipe = firstPipe(tokens);
      var pipeline = Pipeline.parse(tokens, pipe);
      var out = new StringBuilder();
      run(tokens.subList(0, pipe), pipeline.format(), out, mode);
      var text = pipeline.apply(out.toString(), env.filesDirectory());
      failed = false;
      return text;
    } catch (CliSyntaxException e) {
      return syntaxError(e);
    } catch (RpcException e) {
      return errors(e);
    } catch (CliFailure e) {
      return "Error: " + e.getMessage() + "\n";
    }
  }

  /** Whether the last {@link #execute} failed (for exit codes of non-interactive use). */
  public boolean lastFailed() {
    return failed;
  }

  private String syntaxError(CliSyntaxException e) {
    return " ".repeat(prompt().length() + e.column())
        + "^\nsyntax error at column "
        + (e.column() + 1)
        + ": "
        + e.getMessage()
        + "\n";
  }

  /** Renders errors as "Error: where: what". */
  String errors(RpcException e) {
    var out = new StringBuilder();
    for (RpcError error : e.errors()) {
      out.append("Error: ");
      error
          .path()
          .filter(p -> !p.isEmpty())
          .ifPresent(p -> out.append(env.pathWords().text(p)).append(": "));
      out.append(error.message());
      error.appTag().ifPresent(tag -> out.append(" (").append(tag).append(')'));
      out.append('\n');
    }
    if (e.errors().isEmpty()) {
      out.append("Error: ").append(e.getMessage()).append('\n');
    }
    return out.toString();
  }

  private static int firstPipe(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isPipe()) {
        return i;
      }
    }
    return tokens.size();
  }

  /** A failure with a message for the user, not from the datastore. */
  static final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
      super(message);
    }
  }

  private void run(List<Token> tokens, Format format, StringBuilder out, Mode in)
      throws CliSyntaxException, RpcException, CliFailure {
    var commands = in == Mode.OPERATIONAL ? OPERATIONAL_COMMANDS : CONFIGURE_COMMANDS;
    var first = tokens.get(0);
    var command = matchWord(commands, first);
    var args = tokens.subList(1, tokens.size());
    if (in == Mode.OPERATIONAL) {
      switch (command) {
        case "show" -> showOperational(args, format, out);
        case "request" -> request(tokens, format, out);
        case "configure" -> configure(args, out);
        case "exit", "quit" -> closed = true;
        default -> throw new IllegalStateException(command);
      }
      return;
    }
    switch (command) {
      case "set" -> set(tokens);
      case "delete" -> delete(tokens);
      case "edit" -> edit(tokens);
      case "top" -> editLevel = root;
      case "up" -> up(args);
      case "show" -> showConfigure(tokens, format, out);
      case "compare" -> compare(args, out);
      case "validate" -> {
        workspace.validate();
        out.append("Validation complete\n");
      }
      case "commit" -> commit(args, out);
      case "rollback" -> rollback(args, out);
      case "discard" -> {
        workspace.discard();
        out.append("Pending changes discarded.\n");
      }
      case "load" -> load(args, out);
      case "exit" -> exitConfigure(args, out);
      case "run" -> {
        if (args.isEmpty()) {
          throw new CliSyntaxException(
              first.end() + 1, "incomplete command: name an operational command");
        }
        run(args, format, out, Mode.OPERATIONAL);
      }
      default -> throw new IllegalStateException(command);
    }
  }

  private static String matchWord(List<Word> words, Token token) throws CliSyntaxException {
    var exact = words.stream().filter(w -> w.word().equals(token.text())).findFirst();
    if (exact.isPresent()) {
      return exact.get().word();
    }
    var prefixed = words.stream().filter(w -> w.word().startsWith(token.text())).toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0).word();
    }
    if (prefixed.isEmpty()) {
      throw new CliSyntaxException(
          token.start(),
          "unknown command '"
              + token.text()
              + "'; expecting one of: "
              + String.join(", ", words.stream().map(Word::word).toList()));
    }
    throw new CliSyntaxException(
        token.start(),
        "ambiguous '"
            + token.text()
            + "': could be "
            + String.join(", ", prefixed.stream().map(Word::word).toList()));
  }

  private PathParser parser(Mode view) {
    return new PathParser(
        env.schema(),
        env.values(),
        new ViewData(env.datastore().context(), env.values(), () -> viewRoot(view)));
  }

  /** The tree a mode looks at: configuration and state, or the working configuration. */
  private NormalizedNode viewRoot(Mode view) {
    if (view == Mode.CONFIGURE && workspace != null) {
      return visible(workspace.root());
    }
    return visible(operationalRoot());
  }

  /**
   * The tree without what the session's user may not read (RFC 8341 §3.4.5): every show, diff and
   * completion goes through here, so the CLI reveals what NETCONF and RESTCONF reveal.
   */
  private NormalizedNode visible(NormalizedNode tree) {
    return tree instanceof ContainerNode root ? session.access().prune(root) : tree;
  }

  /** Running merged into operational: what {@code show} shows in operational mode. */
  NormalizedNode operationalRoot() {
    var datastore = env.datastore();
    var mod = datastore.snapshot(DatastoreName.OPERATIONAL).newModification();
    var running = datastore.snapshot(DatastoreName.RUNNING).readNode(YangInstanceIdentifier.of());
    if (running.isPresent() && running.get() instanceof ContainerNode top) {
      for (var child : top.body()) {
        try {
          mod.merge(YangInstanceIdentifier.of(child.name()), child);
        } catch (IllegalArgumentException | IllegalStateException e) {
          // a node operational cannot hold: show the configuration only
          return running.get();
        }
      }
    }
    return mod.readNode(YangInstanceIdentifier.of()).orElseThrow();
  }

  // ---------------------------------------------------------------- operational mode

  private void showOperational(List<Token> args, Format format, StringBuilder out)
      throws CliSyntaxException, CliFailure {
    if (!args.isEmpty() && matchesKeyword(args.get(0), "configuration")) {
      var parsed = parser(Mode.OPERATIONAL).parse(root, args, 1, Purpose.SHOW_CONFIG);
      var running =
          env.datastore()
              .snapshot(DatastoreName.RUNNING)
              .readNode(YangInstanceIdentifier.of())
              .orElseThrow();
      show(running, parsed, format, out, false);
      return;
    }
    if (!args.isEmpty() && matchesKeyword(args.get(0), "commits")) {
      showCommits(out);
      return;
    }
    var parsed = parser(Mode.OPERATIONAL).parse(root, args, 0, Purpose.SHOW);
    show(operationalRoot(), parsed, format, out, true);
  }

  private static boolean matchesKeyword(Token token, String keyword) {
    return !token.quoted() && token.text().length() >= 3 && keyword.startsWith(token.text())
        || token.text().equals(keyword);
  }

  private void showCommits(StringBuilder out) throws CliFailure {
    try {
      var history = env.datastore().history(20);
      int n = 0;
      out.append(
          String.format(
              Locale.ROOT, "%-4s %-8s %-10s %-24s %s%n", "N", "ID", "USER", "TIME", "COMMENT"));
      for (var record : history) {
        if (record.datastore() != DatastoreName.RUNNING) {
          continue;
        }
        out.append(
            String.format(
                Locale.ROOT,
                "%-4d %-8d %-10s %-24s %s%n",
                n++,
                record.sequence(),
                record.user(),
                record.time().toString(),
                record.comment()));
      }
    } catch (IOException e) {
      throw new CliFailure("cannot read the commit history: " + e.getMessage());
    }
  }

  private void show(
      NormalizedNode tree, ParsedPath parsed, Format format, StringBuilder out, boolean tables)
      throws CliFailure {
    var path = parsed.path();
    var node = NormalizedNodes.findNode(visible(tree), path);
    if (node.isEmpty()) {
      if (path.isEmpty()) {
        return;
      }
      // as RESTCONF: a target the user may not read is refused whether or not it exists
      if (!session.access().data(Access.READ, path).permitted()) {
        throw new CliFailure(env.pathWords().text(path) + ": access denied");
      }
      throw new CliFailure(env.pathWords().text(path) + ": no such data");
    }
    var data = node.get();
    switch (format) {
      case XML -> out.append(env.documents().xml(asRoot(path, data)));
      case JSON -> out.append(env.documents().json(asRoot(path, data)));
      default -> {
        if (tables && data instanceof MapNode map && !map.isEmpty()) {
          if (env.text().renderTable(map, out)) {
            out.append("(nested data not shown: show ")
                .append(env.pathWords().text(path))
                .append(" KEY)\n");
          }
        } else if (path.isEmpty()
            || !(data instanceof org.opendaylight.yangtools.yang.data.api.schema.ValueNode<?>)
                && !(data instanceof MapNode)
                && !(data
                    instanceof org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode<?>)) {
          env.text().renderChildren(data, out);
        } else {
          env.text().render(data, out);
        }
      }
    }
  }

  private NormalizedNode asRoot(YangInstanceIdentifier path, NormalizedNode data) {
    if (path.isEmpty()) {
      return data;
    }
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(
            NodeIdentifier.create(org.opendaylight.yangtools.yang.model.api.SchemaContext.NAME))
        .withChild((DataContainerChild) env.nodes().nest(path, data))
        .build();
  }

  private void request(List<Token> tokens, Format format, StringBuilder out)
      throws CliSyntaxException, RpcException, CliFailure {
    var parsed = parser(Mode.OPERATIONAL).parse(root, tokens, 1, Purpose.REQUEST);
    var action = parsed.action();
    var target = parsed.path();
    if (NormalizedNodes.findNode(operationalRoot(), target).isEmpty()) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.DATA_MISSING,
              null,
              target,
              "no such instance to run " + action.getQName().getLocalName() + " on"));
    }
    var input = Inputs.build(action.getInput(), parsed.values());
    var request =
        new OperationRequest(
            Absolute.of(parsed.schemaPath()),
            target,
            input,
            new Invoker(session.user(), session.id(), "cli"));
    var output = env.datastore().operations().invoke(request);
    switch (format) {
      case XML, JSON ->
          out.append(
              format == Format.XML ? env.documents().xml(output) : env.documents().json(output));
      default -> env.text().renderChildren(output, out);
    }
    var opId =
        output.childByArg(new NodeIdentifier(QName.create(action.getQName(), "lcm-operation-id")));
    if (opId != null && format == Format.TEXT) {
      interaction.progress(out.toString().stripTrailing());
      out.setLength(0);
      new ProgressFollower(env, interaction)
          .follow(target, String.valueOf(opId.body()), action.getQName(), out);
    }
  }

  private void configure(List<Token> args, StringBuilder out) throws CliSyntaxException {
    boolean shared = false;
    if (!args.isEmpty()) {
      var word = matchWord(List.of(new Word("private", ""), new Word("shared", "")), args.get(0));
      shared = word.equals("shared");
      if (args.size() > 1) {
        throw new CliSyntaxException(
            args.get(1).start(), "unexpected '" + args.get(1).text() + "'");
      }
    }
    workspace = shared ? new SharedCandidate(session) : new PrivateCandidate(session);
    mode = Mode.CONFIGURE;
    editLevel = root;
    out.append("Entering configuration mode ").append(workspace.kind()).append('\n');
    if (shared && session.candidateModified()) {
      out.append("The shared candidate has uncommitted changes of other sessions.\n");
    }
  }

  // ---------------------------------------------------------------- configure mode

  private void set(List<Token> tokens) throws CliSyntaxException, RpcException {
    var parsed = parser(Mode.CONFIGURE).parse(editLevel, tokens, 1, Purpose.SET);
    var edits = new ArrayList<Edit>();
    var nodes = env.nodes();
    if (parsed.values().isEmpty()) {
      edits.add(nodes.merge(parsed.path(), Nodes.empty(parsed.path())));
    }
    for (var value : parsed.values()) {
      edits.add(nodes.merge(value.path(), Nodes.leaf(value.path(), value.value())));
    }
    workspace.apply(edits);
  }

  private void delete(List<Token> tokens) throws CliSyntaxException, RpcException {
    var parsed = parser(Mode.CONFIGURE).parse(editLevel, tokens, 1, Purpose.DELETE);
    if (NormalizedNodes.findNode(workspace.root(), parsed.path()).isEmpty()) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.DATA_MISSING, null, parsed.path(), "nothing to delete: it does not exist"));
    }
    workspace.apply(List.of(new Edit.Remove(parsed.path())));
  }

  private void edit(List<Token> tokens) throws CliSyntaxException {
    var parsed = parser(Mode.CONFIGURE).parse(editLevel, tokens, 1, Purpose.EDIT);
    if (parsed.node() instanceof ListSchemaNode
        && !(parsed.path().getLastPathArgument()
            instanceof YangInstanceIdentifier.NodeIdentifierWithPredicates)) {
      throw new CliSyntaxException(
          tokens.get(tokens.size() - 1).end(), "name the list entry to edit by its key");
    }
    editLevel = parsed.level();
  }

  private void up(List<Token> args) throws CliSyntaxException {
    int count = 1;
    if (!args.isEmpty()) {
      try {
        count = Integer.parseInt(args.get(0).text());
      } catch (NumberFormatException e) {
        throw new CliSyntaxException(args.get(0).start(), "expecting a number of levels");
      }
    }
    for (int i = 0; i < count && !editLevel.isRoot(); i++) {
      editLevel = parent(editLevel);
    }
  }

  /** The level above: one container up, or out of a list entry. */
  private Level parent(Level level) {
    // re-walk from the root: the levels are few and this keeps Level a plain value
    var words = level.words();
    var tokens = new ArrayList<Token>();
    int col = 0;
    for (var w : words) {
      tokens.add(new Token(unquote(w), col, col + w.length(), false));
      col += w.length() + 1;
    }
    for (int n = tokens.size() - 1; n >= 0; n--) {
      try {
        var parsed =
            parser(Mode.CONFIGURE).parse(root, tokens.subList(0, n), 0, Purpose.SHOW_CONFIG);
        if (parsed.level().words().size() < words.size()) {
          return parsed.level();
        }
      } catch (CliSyntaxException e) {
        // an incomplete prefix (list without key): try a shorter one
      }
    }
    return root;
  }

  private static String unquote(String word) {
    if (word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")) {
      return word.substring(1, word.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return word;
  }

  private void showConfigure(List<Token> tokens, Format format, StringBuilder out)
      throws CliSyntaxException, CliFailure {
    if (tokens.size() > 1 && matchesKeyword(tokens.get(1), "configuration")) {
      var running =
          env.datastore()
              .snapshot(DatastoreName.RUNNING)
              .readNode(YangInstanceIdentifier.of())
              .orElseThrow();
      var diff = new StringBuilder();
      env.text().renderDiff(visible(running), visible(workspace.root()), diff);
      out.append(diff.isEmpty() ? "No pending changes.\n" : diff);
      return;
    }
    var parsed = parser(Mode.CONFIGURE).parse(editLevel, tokens, 1, Purpose.SHOW_CONFIG);
    show(workspace.root(), parsed, format, out, false);
  }

  private void compare(List<Token> args, StringBuilder out)
      throws CliSyntaxException, RpcException {
    if (args.isEmpty() || !matchesKeyword(args.get(0), "rollback")) {
      throw new CliSyntaxException(
          args.isEmpty() ? 8 : args.get(0).start(), "expecting 'rollback N'");
    }
    int n = number(args, 1, 0);
    var before = env.datastore().runningBefore(n);
    var diff = new StringBuilder();
    env.text().renderDiff(visible(before), visible(workspace.root()), diff);
    out.append(diff.isEmpty() ? "No differences.\n" : diff);
  }

  private static int number(List<Token> args, int index, int fallback) throws CliSyntaxException {
    if (args.size() <= index) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(args.get(index).text());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CliSyntaxException(
          args.get(index).start(),
          "expecting a non-negative number, not '" + args.get(index).text() + "'");
    }
  }

  private static final List<Word> COMMIT_OPTIONS =
      List.of(
          new Word("and-quit", "Commit, then leave configure mode"),
          new Word("check", "Validate only, commit nothing"),
          new Word("comment", "A comment for the commit history"),
          new Word(
              "confirmed",
              "Roll back after N minutes (default 10) unless confirmed by another commit"),
          new Word("dry-run", "Show what the commit would change, commit nothing"));

  private void commit(List<Token> args, StringBuilder out) throws CliSyntaxException, RpcException {
    String comment = "";
    Optional<Duration> confirmed = Optional.empty();
    boolean check = false;
    boolean dryRun = false;
    boolean andQuit = false;
    for (int i = 0; i < args.size(); i++) {
      var option = matchWord(COMMIT_OPTIONS, args.get(i));
      switch (option) {
        case "comment" -> {
          if (i + 1 >= args.size()) {
            throw new CliSyntaxException(args.get(i).end() + 1, "missing comment text");
          }
          comment = args.get(++i).text();
        }
        case "confirmed" -> {
          int minutes = 10;
          if (i + 1 < args.size() && args.get(i + 1).text().matches("\\d+")) {
            minutes = Integer.parseInt(args.get(++i).text());
            if (minutes < 1) {
              throw new CliSyntaxException(args.get(i).start(), "expecting at least 1 minute");
            }
          }
          confirmed = Optional.of(Duration.ofMinutes(minutes));
        }
        case "check" -> check = true;
        case "dry-run" -> dryRun = true;
        case "and-quit" -> andQuit = true;
        default -> throw new IllegalStateException(option);
      }
    }
    if (check) {
      workspace.validate();
      out.append("Validation complete\n");
      return;
    }
    if (dryRun) {
      var changes = workspace.validate();
      var running =
          env.datastore()
              .snapshot(DatastoreName.RUNNING)
              .readNode(YangInstanceIdentifier.of())
              .orElseThrow();
      var diff = new StringBuilder();
      env.text().renderDiff(visible(running), visible(workspace.root()), diff);
      out.append(diff.isEmpty() ? "No modifications to commit.\n" : diff);
      out.append("Validation complete\n");
      var preview = env.planPreview();
      if (preview.isPresent() && !changes.isEmpty()) {
        try {
          out.append("Plan:\n").append(preview.get().plan(changes.rootAfter()));
        } catch (Exception e) {
          out.append("Plan: cannot be computed: ").append(e.getMessage()).append('\n');
        }
      }
      return;
    }
    boolean pendingConfirm = env.datastore().pendingConfirmedCommit().isPresent();
    if (!workspace.modified() && !pendingConfirm) {
      out.append("No modifications to commit.\n");
    } else {
      var changes = workspace.commit(new CommitOptions(comment, confirmed));
      out.append("Commit complete.");
      if (changes.sequence() > 0) {
        out.append(" (commit ").append(changes.sequence()).append(')');
      }
      out.append('\n');
      confirmed.ifPresent(
          d ->
              out.append("Will roll back in ")
                  .append(d.toMinutes())
                  .append(" minutes unless confirmed by 'commit'.\n"));
    }
    if (andQuit) {
      leaveConfigure();
    }
  }

  private void rollback(List<Token> args, StringBuilder out)
      throws CliSyntaxException, RpcException {
    int n = number(args, 0, 0);
    var before = env.datastore().runningBefore(n);
    workspace.discard();
    if (n > 0) {
      workspace.apply(List.of(new Edit.Replace(YangInstanceIdentifier.of(), before)));
    }
    out.append("Loaded the configuration of ")
        .append(n)
        .append(" commit(s) ago; 'commit' applies it.\n");
  }

  private void load(List<Token> args, StringBuilder out)
      throws CliSyntaxException, RpcException, CliFailure {
    if (args.size() < 2) {
      throw new CliSyntaxException(
          args.isEmpty() ? 5 : args.get(0).end() + 1,
          "expecting 'load merge FILE' or 'load replace FILE'");
    }
    var how = matchWord(List.of(new Word("merge", ""), new Word("replace", "")), args.get(0));
    var file = resolveFile(args.get(1).text());
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure("cannot read " + args.get(1).text() + ": " + e.getMessage());
    }
    ContainerNode data;
    try {
      data = Loader.parse(env.datastore().context(), text);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(args.get(1).text() + ": " + e.getMessage());
    }
    var edits = new ArrayList<Edit>();
    if (how.equals("replace")) {
      edits.add(new Edit.Replace(YangInstanceIdentifier.of(), data));
    } else {
      for (var child : data.body()) {
        edits.add(new Edit.Merge(YangInstanceIdentifier.of(child.name()), child));
      }
    }
    workspace.apply(edits);
    out.append("Loaded ").append(args.get(1).text()).append(" (").append(how).append(").\n");
  }

  private Path resolveFile(String name) throws CliFailure {
    var base = env.filesDirectory();
    var file = base.resolve(name).normalize();
    if (!file.startsWith(base)) {
      throw new CliFailure("files are read from and saved to " + base + " only");
    }
    return file;
  }

  private void exitConfigure(List<Token> args, StringBuilder out) throws CliSyntaxException {
    boolean discard =
        !args.isEmpty()
            && matchWord(List.of(new Word("discard", "")), args.get(0)).equals("discard");
    if (!editLevel.isRoot() && !discard) {
      editLevel = parent(editLevel);
      return;
    }
    if (!discard && workspace instanceof PrivateCandidate && workspace.modified()) {
      if (!interaction.confirm(
          "Uncommitted changes found, exit anyway and discard them? [yes,no]")) {
        out.append("Exit cancelled; 'commit' or 'discard' the changes.\n");
        return;
      }
    }
    if (workspace instanceof PrivateCandidate) {
      try {
        workspace.discard();
      } catch (RpcException e) {
        // a private candidate cannot fail to forget its edits
      }
    } else if (workspace.modified()) {
      out.append("The shared candidate keeps its uncommitted changes.\n");
    }
    leaveConfigure();
  }

  private void leaveConfigure() {
    workspace.close();
    workspace = null;
    mode = Mode.OPERATIONAL;
    editLevel = root;
  }

  // ---------------------------------------------------------------- completion

  /** What may follow the text before the cursor. */
  public Expectation complete(String line) {
    var tokens = Tokenizer.tokenizeForCompletion(line);
    int at = tokens.size() - 1;
    try {
      int pipe = firstPipe(tokens.subList(0, at));
      if (pipe < at) {
        return Pipeline.expect(tokens, pipe, at);
      }
      return completeCommand(tokens, at, mode);
    } catch (CliSyntaxException e) {
      return Expectation.of(List.of(), false);
    }
  }

  private Expectation completeCommand(List<Token> tokens, int at, Mode in)
      throws CliSyntaxException {
    var commands = in == Mode.OPERATIONAL ? OPERATIONAL_COMMANDS : CONFIGURE_COMMANDS;
    if (at == 0) {
      return Expectation.of(commands, false);
    }
    var command = matchWord(commands, tokens.get(0));
    var rest = tokens.subList(1, tokens.size());
    int restAt = at - 1;
    var parserOp = parser(Mode.OPERATIONAL);
    var parserCfg = parser(Mode.CONFIGURE);
    if (in == Mode.OPERATIONAL) {
      return switch (command) {
        case "show" -> {
          if (restAt == 0) {
            var e = parserOp.expect(root, rest, 0, 0, Purpose.SHOW);
            var words = new ArrayList<Word>();
            words.add(new Word("commits", "The commit history (for rollback N)"));
            words.add(new Word("configuration", "The running configuration"));
            words.addAll(e.choices());
            yield new Expectation(words, e.hints(), true);
          }
          if (matchesKeyword(rest.get(0), "configuration")) {
            yield parserOp.expect(root, rest, 1, restAt, Purpose.SHOW_CONFIG);
          }
          yield parserOp.expect(root, rest, 0, restAt, Purpose.SHOW);
        }
        case "request" -> parserOp.expect(root, rest, 0, restAt, Purpose.REQUEST);
        case "configure" ->
            restAt == 0
                ? Expectation.of(
                    List.of(
                        new Word("private", "Edit a private candidate (default)"),
                        new Word("shared", "Edit the shared candidate")),
                    true)
                : Expectation.of(List.of(), true);
        default -> Expectation.of(List.of(), true);
      };
    }
    return switch (command) {
      case "set" -> parserCfg.expect(editLevel, rest, 0, restAt, Purpose.SET);
      case "delete" -> parserCfg.expect(editLevel, rest, 0, restAt, Purpose.DELETE);
      case "edit" -> parserCfg.expect(editLevel, rest, 0, restAt, Purpose.EDIT);
      case "show" -> {
        if (restAt == 0) {
          var e = parserCfg.expect(editLevel, rest, 0, 0, Purpose.SHOW_CONFIG);
          var words = new ArrayList<Word>();
          words.add(new Word("configuration", "The pending changes"));
          words.addAll(e.choices());
          yield new Expectation(words, e.hints(), true);
        }
        yield parserCfg.expect(editLevel, rest, 0, restAt, Purpose.SHOW_CONFIG);
      }
      case "commit" -> Expectation.of(COMMIT_OPTIONS, true);
      case "compare" ->
          restAt == 0
              ? Expectation.of(
                  List.of(new Word("rollback", "Compare with the configuration of N commits ago")),
                  false)
              : new Expectation(
                  List.of(), List.of(new Word("<N>", "commits ago (0 = running)")), true);
      case "rollback" ->
          new Expectation(
              List.of(), List.of(new Word("<N>", "commits ago, see 'run show commits'")), true);
      case "load" ->
          restAt == 0
              ? Expectation.of(
                  List.of(
                      new Word("merge", "Merge the file into the configuration"),
                      new Word("replace", "Replace the configuration with the file")),
                  false)
              : new Expectation(
                  files(),
                  List.of(new Word("<file>", "XML, JSON or YAML file in " + env.filesDirectory())),
                  false);
      case "up" -> new Expectation(List.of(), List.of(new Word("<N>", "levels")), true);
      case "exit" ->
          Expectation.of(List.of(new Word("discard", "Leave, dropping uncommitted changes")), true);
      case "run" -> completeCommand(rest, restAt, Mode.OPERATIONAL);
      default -> Expectation.of(List.of(), true);
    };
  }

  private List<Word> files() {
    try (var stream = Files.list(env.filesDirectory())) {
      return stream
          .filter(Files::isRegularFile)
          .map(p -> new Word(p.getFileName().toString(), ""))
          .sorted((a, b) -> a.word().compareTo(b.word()))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    if (workspace != null) {
      workspace.close();
    }
    session.close();
  }

  // ---------------------------------------------------------------- pipes

  /** The {@code | ...} part of a command line. */
  record Pipeline(Format format, List<Token[]> filters) {
    static Pipeline parse(List<Token> tokens, int pipe) throws CliSyntaxException {
      var format = Format.TEXT;
      var filters = new ArrayList<Token[]>();
      int i = pipe;
      while (i < tokens.size()) {
        var bar = tokens.get(i);
        if (i + 1 >= tokens.size() || tokens.get(i + 1).isPipe()) {
          throw new CliSyntaxException(
              bar.end() + 1, "expecting one of: count, display, exclude, include, save");
        }
        var name = matchWord(PIPES, tokens.get(i + 1));
        int argEnd = i + 2;
        while (argEnd < tokens.size() && !tokens.get(argEnd).isPipe()) {
          argEnd++;
        }
        var args = tokens.subList(i + 2, argEnd);
        switch (name) {
          case "display" -> {
            if (args.size() != 1) {
              throw new CliSyntaxException(
                  tokens.get(i + 1).end() + 1, "expecting 'xml' or 'json'");
            }
            var f = matchWord(List.of(new Word("xml", ""), new Word("json", "")), args.get(0));
            format = f.equals("xml") ? Format.XML : Format.JSON;
          }
          case "include", "exclude", "save" -> {
            if (args.size() != 1) {
              throw new CliSyntaxException(
                  tokens.get(i + 1).end() + 1,
                  name.equals("save")
                      ? "expecting a file name"
                      : "expecting one regular expression (quote it if it has blanks)");
            }
            if (!name.equals("save")) {
              try {
                Pattern.compile(args.get(0).text());
              } catch (PatternSyntaxException e) {
                throw new CliSyntaxException(
                    args.get(0).start(), "bad regular expression: " + e.getDescription());
              }
            }
            filters.add(new Token[] {tokens.get(i + 1), args.get(0)});
          }
          case "count" -> filters.add(new Token[] {tokens.get(i + 1)});
          default -> throw new IllegalStateException(name);
        }
        i = argEnd;
      }
      return new Pipeline(format, filters);
    }

    String apply(String text, Path files) throws CliFailure {
      var lines =
          new ArrayList<>(text.isEmpty() ? List.<String>of() : List.of(text.split("\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      for (var filter : filters) {
        var name = matchName(filter[0].text());
        switch (name) {
          case "include", "exclude" -> {
            var pattern = Pattern.compile(filter[1].text());
            boolean keep = name.equals("include");
            lines.removeIf(l -> pattern.matcher(l).find() != keep);
          }
          case "count" -> {
            int n = lines.size();
            lines.clear();
            lines.add("Count: " + n + " line" + (n == 1 ? "" : "s"));
          }
          case "save" -> {
            var file = files.resolve(filter[1].text()).normalize();
            if (!file.startsWith(files)) {
              throw new CliFailure("files are saved to " + files + " only");
            }
            try {
              Files.createDirectories(files);
              Files.writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
            } catch (IOException e) {
              throw new CliFailure("cannot save " + filter[1].text() + ": " + e.getMessage());
            }
            int n = lines.size();
            lines.clear();
            lines.add("Saved " + n + " line" + (n == 1 ? "" : "s") + " to " + filter[1].text());
          }
          default -> throw new IllegalStateException(name);
        }
      }
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static String matchName(String word) {
      return PIPES.stream()
          .map(Word::word)
          .filter(w -> w.startsWith(word))
          .findFirst()
          .orElseThrow();
    }

    static Expectation expect(List<Token> tokens, int pipe, int at) throws CliSyntaxException {
      int lastBar = pipe;
      for (int i = pipe; i < at; i++) {
        if (tokens.get(i).isPipe()) {
          lastBar = i;
        }
      }
      if (at == lastBar + 1) {
        return Expectation.of(PIPES, false);
      }
      var name = matchWord(PIPES, tokens.get(lastBar + 1));
      if (at == lastBar + 2) {
        return switch (name) {
          case "display" ->
              Expectation.of(
                  List.of(new Word("xml", "RFC 7950 XML"), new Word("json", "RFC 7951 JSON")),
                  false);
          case "include", "exclude" ->
              new Expectation(List.of(), List.of(new Word("<regex>", "regular expression")), false);
          case "save" ->
              new Expectation(List.of(), List.of(new Word("<file>", "file name")), false);
          default -> Expectation.of(List.of(new Word("|", "another pipe")), true);
        };
      }
      return Expectation.of(List.of(new Word("|", "another pipe")), true);
    }
  }
}
