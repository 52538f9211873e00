package io.yamano.yang.registry;

/**
 * Reads YANG statement syntax (RFC 7950 §6.1–6.3) into a {@link YangStatement} tree with line,
 * column and text offsets: comments, unquoted, single- and double-quoted strings, {@code +}
 * concatenation, blocks. It checks no grammar beyond that; yangtools does the real parse, this tree
 * only serves the checks Yamano runs before it.
 */
final class YangSourceScanner {
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private YangSourceScanner(String text) {
    this.text = text;
  }

  /**
   * Scans one source.
   *
   * @return the top-level statement ({@code module} or {@code submodule})
   * @throws SyntaxError if the text is not well-formed statement syntax
   */
  static YangStatement scan(String text) throws SyntaxError {
    YangSourceScanner scanner = new YangSourceScanner(text);
    scanner.skipSeparators();
    if (scanner.atEnd()) {
      throw scanner.error("no statement in source");
    }
    YangStatement root = scanner.statement(null);
    scanner.skipSeparators();
    if (!scanner.atEnd()) {
      throw scanner.error("text after the end of the top-level statement");
    }
    return root;
  }

  private YangStatement statement(YangStatement parent) throws SyntaxError {
    int startLine = line;
    int startColumn = column();
    int startOffset = pos;
    String keyword = unquoted();
    if (keyword.isEmpty()) {
      throw error("expected a statement keyword, found '" + text.charAt(pos) + "'");
    }
    skipSeparators();
    String argument = null;
    if (!atEnd() && text.charAt(pos) != ';' && text.charAt(pos) != '{') {
      argument = argument();
      skipSeparators();
    }
    YangStatement statement =
        new YangStatement(parent, keyword, argument, startLine, startColumn, startOffset);
    if (atEnd()) {
      throw error("statement '" + keyword + "' is not terminated by ';' or '{'");
    }
    char c = text.charAt(pos);
    if (c == ';') {
      pos++;
    } else if (c == '{') {
      pos++;
      while (true) {
        skipSeparators();
        if (atEnd()) {
          throw error(
              "missing '}' for '" + keyword + "' opened at line " + startLine + ":" + startColumn);
        }
        if (text.charAt(pos) == '}') {
          pos++;
          break;
        }
        statement.add(statement(statement));
      }
    } else {
      throw error("expected ';' or '{' after '" + keyword + "', found '" + c + "'");
    }
    statement.end(pos);
    return statement;
  }

  private String argument() throws SyntaxError {
    char c = text.charAt(pos);
    if (c != '"' && c != '\'') {
      return unquoted();
    }
    StringBuilder value = new StringBuilder(quoted());
    while (true) {
      int mark = pos;
      int markLine = line;
      int markLineStart = lineStart;
      skipSeparators();
      if (!atEnd() && text.charAt(pos) == '+') {
        pos++;
        skipSeparators();
        if (atEnd() || (text.charAt(pos) != '"' && text.charAt(pos) != '\'')) {
          throw error("expected a quoted string after '+'");
        }
        value.append(quoted());
      } else {
        pos = mark;
        line = markLine;
        lineStart = markLineStart;
        return value.toString();
      }
    }
  }

  private String quoted() throws SyntaxError {
    char quote = text.charAt(pos);
    int openLine = line;
    int openColumn = column();
    pos++;
    StringBuilder value = new StringBuilder();
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return value.toString();
      }
      if (c == '\\' && quote == '"' && pos + 1 < text.length()) {
        char next = text.charAt(pos + 1);
        switch (next) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case '"' -> value.append('"');
          case '\\' -> value.append('\\');
          default -> value.append(c).append(next);
        }
        pos += 2;
        continue;
      }
      advance();
      value.append(c);
    }
    throw error("string opened at line " + openLine + ":" + openColumn + " is not closed");
  }

  private String unquoted() {
    int start = pos;
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)
          || c == ';'
          || c == '{'
          || c == '}'
          || c == '"'
          || c == '\''
          || startsComment()) {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSeparators() throws SyntaxError {
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (text.startsWith("//", pos)) {
        while (!atEnd() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int openLine = line;
        int openColumn = column();
        pos += 2;
        while (!atEnd() && !text.startsWith("*/", pos)) {
          advance();
        }
        if (atEnd()) {
          throw error("comment opened at line " + openLine + ":" + openColumn + " is not closed");
        }
        pos += 2;
      } else {
        return;
      }
    }
  }

  private boolean startsComment() {
    return text.startsWith("//", pos) || text.startsWith("/*", pos);
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private SyntaxError error(String message) {
    return new SyntaxError(line, column(), message);
  }

  /** The text is not well-formed YANG statement syntax at the given position. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    SyntaxError(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }

    int line() {
      return line;
    }

    int column() {
      return column;
    }
  }
}
