package io.yamano.cli.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words: blanks separate, {@code "..."} and {@code '...'} quote (with
 * backslash escapes inside double quotes), and an unquoted {@code |} is a word of its own.
 */
public final class Tokenizer {
  private Tokenizer() {}

  public static List<Token> tokenize(String line) throws CliSyntaxException {
    var out = new ArrayList<Token>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '|') {
        out.add(new Token("|", i, i + 1, false));
        i++;
        continue;
      }
      int start = i;
      var text = new StringBuilder();
      boolean quoted = false;
      while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '|') {
        char d = line.charAt(i);
        if (d == '"' || d == '\'') {
          quoted = true;
          int open = i++;
          while (i < n && line.charAt(i) != d) {
            if (d == '"' && line.charAt(i) == '\\' && i + 1 < n) {
              i++;
            }
            text.append(line.charAt(i++));
          }
          if (i >= n) {
            throw new CliSyntaxException(open, "unterminated quoted string");
          }
          i++;
        } else {
          text.append(d);
          i++;
        }
      }
      out.add(new Token(text.toString(), start, i, quoted));
    }
    return out;
  }

  /**
   * The words before the cursor and the partial word under it (empty after a blank), for
   * completion; an unterminated quote is taken as part of the partial word.
   */
  public static List<Token> tokenizeForCompletion(String line) {
    try {
      var tokens = new ArrayList<>(tokenize(line));
      if (line.isEmpty()
          || Character.isWhitespace(line.charAt(line.length() - 1))
          || (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isPipe())) {
        tokens.add(new Token("", line.length(), line.length(), false));
      }
      return tokens;
    } catch (CliSyntaxException e) {
      var head = line.substring(0, e.column());
      var tokens = new ArrayList<>(tokenizeForCompletion(head));
      tokens.remove(tokens.size() - 1);
      tokens.add(new Token(line.substring(e.column() + 1), e.column(), line.length(), true));
      return tokens;
    }
  }
}
