package io.agentcollector.it;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression selects, for checking dashboards and rules against what the
 * agent exposes. A lexer-level pass, enough for the expressions we ship: string literals, label
 * matchers ({@code {…}}), ranges ({@code […]}), numbers and durations, and the label lists of
 * {@code by/without/on/ignoring/group_left/group_right} are skipped; function and aggregation names
 * are recognised; Grafana variables ({@code $job}, {@code ${host}}, {@code $__rate_interval}) are
 * opaque. Selecting by {@code __name__} is not supported and rejected.
 */
final class PromqlNames {

  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");
  private static final Set<String> OPERATORS =
      Set.of("and", "or", "unless", "bool", "offset", "atan2");
  private static final Set<String> LABEL_LISTS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  private final String s;
  private int i;

  private PromqlNames(String expr) {
    this.s = expr;
  }

  static Set<String> of(String expr) {
    if (expr.contains("__name__")) {
      throw new IllegalArgumentException("selecting by __name__ is not supported: " + expr);
    }
    return new PromqlNames(expr).scan();
  }

  private Set<String> scan() {
    Set<String> names = new TreeSet<>();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        skipString(c);
      } else if (c == '{') {
        skipTo('}');
      } else if (c == '[') {
        skipTo(']');
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '$') {
        skipVariable();
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        // 42, 1.5e9, 0x1F, and durations (5m) after offset.
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        String word = identifier();
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (LABEL_LISTS.contains(word)) {
          skipSpaces();
          if (i < s.length() && s.charAt(i) == '(') {
            skipTo(')');
          }
        } else if (!OPERATORS.contains(word)
            && !AGGREGATIONS.contains(word)
            && !lower.equals("inf")
            && !lower.equals("nan")
            && !nextIs('(')) {
          names.add(word);
        }
      } else {
        i++;
      }
    }
    return names;
  }

  private String identifier() {
    int start = i;
    while (i < s.length()
        && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) {
      i++;
    }
    return s.substring(start, i);
  }

  private boolean nextIs(char c) {
    int j = i;
    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j < s.length() && s.charAt(j) == c;
  }

  private void skipSpaces() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private void skipString(char quote) {
    i++;
    while (i < s.length() && s.charAt(i) != quote) {
      i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
    }
    i++;
  }

  /** From an opening bracket past its closing one, skipping strings inside. */
  private void skipTo(char close) {
    i++;
    while (i < s.length() && s.charAt(i) != close) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        skipString(c);
      } else {
        i++;
      }
    }
    i++;
  }

  private void skipVariable() {
    i++;
    if (i < s.length() && s.charAt(i) == '{') {
      skipTo('}');
    } else {
      identifier();
    }
  }
}
