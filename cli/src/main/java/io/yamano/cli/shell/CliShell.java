package io.yamano.cli.shell;

import io.yamano.cli.CliSession;
import io.yamano.cli.Interaction;
import io.yamano.cli.parse.Expectation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;

/**
 * Runs a CLI session on a terminal until the user exits: prompt, line editing and history, TAB to
 * complete, {@code ?} to list what may come next with help, Ctrl-C to drop the line (or to detach
 * from a running operation's progress), Ctrl-D to leave.
 */
public final class CliShell {
  private static final String HELP_WIDGET = "yamano-help";

  private final Terminal terminal;
  private final CliSession cli;
  private final LineReader reader;
  private final AtomicBoolean detach = new AtomicBoolean();

  /**
   * @param session builds the CLI session with the interaction this shell provides
   */
  public CliShell(Terminal terminal, Function<Interaction, CliSession> session) {
    this.terminal = terminal;
    this.cli = session.apply(new TerminalInteraction());
    this.reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("yamano")
            .history(new DefaultHistory())
            .variable(LineReader.HISTORY_SIZE, 1000)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .completer(
                (r, line, candidates) -> {
                  var head = line.line().substring(0, line.cursor());
                  for (var word : cli.complete(head).choices()) {
                    candidates.add(
                        new Candidate(
                            word.word(),
                            word.word(),
                            null,
                            blankToNull(word.help()),
                            null,
                            null,
                            true));
                  }
                })
            .build();
    reader.getWidgets().put(HELP_WIDGET, this::help);
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(HELP_WIDGET), "?");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Reads and runs commands until the user leaves; closes the CLI session. */
  public void run() {
    terminal.handle(Terminal.Signal.INT, signal -> detach.set(true));
    var out = terminal.writer();
    out.println("Welcome to Yamano. '?' lists what may come next, TAB completes.");
    out.flush();
    try {
      while (!cli.closed()) {
        var banner = cli.banner();
        if (!banner.isEmpty()) {
          out.println(banner);
        }
        String line;
        try {
          line = reader.readLine(cli.prompt().replace("%", "%%"));
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        detach.set(false);
        out.print(cli.execute(line));
        out.flush();
      }
    } finally {
      cli.close();
    }
  }

  /** The {@code ?} key: lists the words and values that may come next, with their help. */
  private boolean help() {
    var buffer = reader.getBuffer();
    var head = buffer.toString().substring(0, buffer.cursor());
    if (head.chars().filter(c -> c == '"').count() % 2 == 1) {
      buffer.write('?');
      return true;
    }
    reader.printAbove(render(cli.complete(head)));
    return true;
  }

  static String render(Expectation expectation) {
    var sb = new StringBuilder("Possible completions:\n");
    int width = 12;
    for (var w : expectation.choices()) {
      width = Math.max(width, w.word().length() + 2);
    }
    for (var w : expectation.hints()) {
      width = Math.max(width, w.word().length() + 2);
    }
    width = Math.min(width, 40);
    for (var w : expectation.hints()) {
      sb.append(String.format("  %-" + width + "s %s%n", w.word(), w.help()));
    }
    for (var w : expectation.choices()) {
      sb.append(String.format("  %-" + width + "s %s%n", w.word(), w.help()));
    }
    if (expectation.canEnd()) {
      sb.append(String.format("  %-" + width + "s %s%n", "<cr>", "run the command"));
    }
    if (expectation.choices().isEmpty() && expectation.hints().isEmpty() && !expectation.canEnd()) {
      sb.append("  (nothing fits here)\n");
    }
    return sb.toString().stripTrailing();
  }

  private final class TerminalInteraction implements Interaction {
    @Override
    public boolean confirm(String question) {
      try {
        var answer = reader.readLine(question + " ").strip().toLowerCase(java.util.Locale.ROOT);
        return answer.equals("yes") || answer.equals("y");
      } catch (UserInterruptException | EndOfFileException e) {
        return false;
      }
    }

    @Override
    public void progress(String line) {
      terminal.writer().println(line);
      terminal.writer().flush();
    }

    @Override
    public boolean detachRequested() {
      return detach.getAndSet(false);
    }
  }
}
