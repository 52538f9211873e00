package io.yamano.yang.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a YANG source as written (RFC 7950 §6.3): keyword, argument, position in the
 * text and substatements. A plain syntax tree, before any linking: {@code uses} is not expanded and
 * prefixes are not resolved.
 */
final class YangStatement {
  private final String keyword;
  private final String argument;
  private final int line;
  private final int column;
  private final int startOffset;
  private int endOffset;
  private final YangStatement parent;
  private final List<YangStatement> children = new ArrayList<>();

  YangStatement(
      YangStatement parent,
      String keyword,
      String argument,
      int line,
      int column,
      int startOffset) {
    this.parent = parent;
    this.keyword = keyword;
    this.argument = argument;
    this.line = line;
    this.column = column;
    this.startOffset = startOffset;
  }

  String keyword() {
    return keyword;
  }

  /** The argument with quotes removed and concatenations applied, or {@code null}. */
  String argument() {
    return argument;
  }

  /** 1-based line of the keyword. */
  int line() {
    return line;
  }

  /** 1-based column of the keyword. */
  int column() {
    return column;
  }

  /** Offset of the keyword's first character in the source text. */
  int startOffset() {
    return startOffset;
  }

  /** Offset just after the closing {@code ;} or {@code }}. */
  int endOffset() {
    return endOffset;
  }

  void end(int offset) {
    this.endOffset = offset;
  }

  /** The enclosing statement, or {@code null} for {@code module}/{@code submodule}. */
  YangStatement parent() {
    return parent;
  }

  List<YangStatement> children() {
    return Collections.unmodifiableList(children);
  }

  void add(YangStatement child) {
    children.add(child);
  }

  /** Substatements with the given keyword, in order. */
  List<YangStatement> children(String childKeyword) {
    return children.stream().filter(c -> c.keyword.equals(childKeyword)).toList();
  }

  /** The first substatement with the given keyword. */
  Optional<YangStatement> child(String childKeyword) {
    return children.stream().filter(c -> c.keyword.equals(childKeyword)).findFirst();
  }

  /** The argument of the first substatement with the given keyword. */
  Optional<String> childArgument(String childKeyword) {
    return child(childKeyword).map(YangStatement::argument);
  }

  /** The {@code module} or {@code submodule} statement this one belongs to. */
  YangStatement root() {
    YangStatement s = this;
    while (s.parent != null) {
      s = s.parent;
    }
    return s;
  }

  @Override
  public String toString() {
    return keyword + (argument == null ? "" : " " + argument) + " @" + line + ":" + column;
  }
}
