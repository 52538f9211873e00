package io.yamano.cli.parse;

import java.util.List;

/**
 * What may come at a position of a command line.
 *
 * @param choices words that fit, with their help
 * @param hints free-form values that fit, such as {@code <string, 1..64 chars>}, with help
 * @param canEnd whether the command is complete without another word ({@code <cr>})
 */
public record Expectation(List<Word> choices, List<Word> hints, boolean canEnd) {
  /** A word with its one-line help. */
  public record Word(String word, String help) {}

  public Expectation {
    choices = List.copyOf(choices);
    hints = List.copyOf(hints);
  }

  public static Expectation of(List<Word> choices, boolean canEnd) {
    return new Expectation(choices, List.of(), canEnd);
  }
}
