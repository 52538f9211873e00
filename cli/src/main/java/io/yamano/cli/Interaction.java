package io.yamano.cli;

/**
 * How a command talks to the user while it runs: questions and live output. The SSH shell answers
 * with the terminal; tests answer with canned replies.
 */
public interface Interaction {
  /** Asks a yes/no question; true for yes. */
  boolean confirm(String question);

  /** Prints a line at once (progress), outside the command's buffered output. */
  void progress(String line);

  /** Whether the user asked to stop following (Ctrl-C); the flag is cleared when read. */
  boolean detachRequested();

  /** Answers every question with {@code answer} and prints progress nowhere. */
  static Interaction answering(boolean answer) {
    return new Interaction() {
      @Override
      public boolean confirm(String question) {
        return answer;
      }

      @Override
      public void progress(String line) {}

      @Override
      public boolean detachRequested() {
        return false;
      }
    };
  }
}
