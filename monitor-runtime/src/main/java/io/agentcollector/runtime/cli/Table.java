package io.agentcollector.runtime.cli;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns separated by two spaces. */
final class Table {

  /**
   * Width when the terminal's is unknown: wide enough for most label sets, narrow enough to read.
   */
  static final int DEFAULT_WIDTH = 120;

  private static final int GAP = 2;

  private Table() {}

  static String render(List<String[]> rows) {
    return render(rows, Integer.MAX_VALUE, -1);
  }

  /**
   * Rows fitted into {@code maxWidth}: cells of column {@code wrapColumn} that do not fit are
   * broken after a comma onto continuation lines (a part longer than the column is cut with {@code
   * …}); the other columns keep their width.
   */
  static String render(List<String[]> rows, int maxWidth, int wrapColumn) {
    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    if (wrapColumn >= 0 && wrapColumn < cols) {
      int others = GAP * (cols - 1);
      for (int i = 0; i < cols; i++) {
        others += i == wrapColumn ? 0 : width[i];
      }
      width[wrapColumn] = Math.max(Math.min(width[wrapColumn], maxWidth - others), 20);
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      List<String> parts =
          wrapColumn >= 0 && wrapColumn < r.length
              ? wrap(r[wrapColumn], width[wrapColumn])
              : List.of();
      for (int line = 0; line < Math.max(1, parts.size()); line++) {
        appendLine(sb, r, line, parts, width, wrapColumn);
      }
    }
    return sb.toString();
  }

  private static void appendLine(
      StringBuilder sb, String[] r, int line, List<String> parts, int[] width, int wrapColumn) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < r.length; i++) {
      String cell =
          i == wrapColumn ? (parts.isEmpty() ? "" : parts.get(line)) : line == 0 ? r[i] : "";
      l.append(cell);
      if (i < r.length - 1) {
        l.append(" ".repeat(width[i] - cell.length() + GAP));
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  /** {@code text} in lines of at most {@code width}, broken after commas. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String part : text.split("(?<=,)")) {
      if (cur.length() > 0 && cur.length() + part.length() > width) {
        lines.add(cur.toString());
        cur.setLength(0);
      }
      cur.append(part);
    }
    lines.add(cur.toString());
    lines.replaceAll(s -> s.length() <= width ? s : s.substring(0, width - 1) + "…");
    return lines;
  }

  /**
   * The terminal's width from {@code COLUMNS} (set by interactive shells), else {@link
   * #DEFAULT_WIDTH}.
   */
  static int terminalWidth(String columns) {
    try {
      int w = Integer.parseInt(columns == null ? "" : columns.strip());
      return w >= 40 ? w : DEFAULT_WIDTH;
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }
}
