package io.yamano.onboarding;

import java.util.Objects;

/**
 * One difference between the input and what Yamano stores (or one reason it stores nothing).
 *
 * @param path the node in Yamano's model ({@code /nfv/vnfd[id='x']/vdu[id='y']/name}), or in the
 *     input when it has no place in the model; for package problems the file inside the package
 * @param kind what was done
 * @param before the input text of the node ("" when there was none)
 * @param after what is stored instead ("" when nothing is)
 * @param reason why, in words an operator can act on
 */
public record Deviation(
    String path, DeviationKind kind, String before, String after, String reason) {
  public Deviation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    before = before == null ? "" : before;
    after = after == null ? "" : after;
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    var text = new StringBuilder(kind.yangName()).append(' ').append(path);
    if (!before.isEmpty()) {
      text.append(" before=").append(abbreviate(before));
    }
    if (!after.isEmpty()) {
      text.append(" after=").append(abbreviate(after));
    }
    return text.append(": ").append(reason).toString();
  }

  private static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 77) + "..." : value;
  }
}
