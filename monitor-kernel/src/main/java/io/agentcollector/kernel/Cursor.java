package io.agentcollector.kernel;

/**
 * A cursor over the lines of a kernel file's text and the fields of each line, split exactly as
 * {@code content.split("\n")}, then {@code line.strip().split("\\s+")} split them, without a
 * regular expression, an array or a substring per line and field. Parsers of files read every cycle
 * use it; a field becomes a String only when kept ({@link #field()}, {@link #field(Names)}), and
 * numbers are read in place.
 *
 * <p>A line is stripped of whitespace as {@link String#strip()} strips it, then split at runs of
 * space, tab, newline, vertical tab, form feed and carriage return ({@code \\s}). Other control
 * characters are part of a field: garbage such as {@code 12<SOH>3} stays one field, which is no
 * number. {@link #nextLine()} also stops at empty and blank lines, which parsers skip with {@link
 * #isBlank()}.
 */
public final class Cursor {

  private final String text;
  private final int limit;

  /** Whether newlines end lines, or separate fields like blanks ({@link #overWhole}). */
  private final boolean lines;

  private int next;
  private int number;
  private int lineStart;
  private int lineEnd;
  private int stripStart;
  private int stripEnd;
  private int pos;
  private int start;
  private int end;

  public Cursor(String text) {
    this(text, 0, text.length());
  }

  /** A cursor over {@code text[from, to)}; its first line is line 1. */
  public Cursor(String text, int from, int to) {
    this(text, from, to, true);
  }

  private Cursor(String text, int from, int to, boolean lines) {
    this.text = text;
    next = from;
    limit = to;
    this.lines = lines;
  }

  /**
   * A cursor whose one line is the whole text, newlines separating fields as blanks do: what {@code
   * text.strip().split("\\s+")} split, for files of one line such as /proc/loadavg.
   */
  public static Cursor overWhole(String text) {
    return new Cursor(text, 0, text.length(), false);
  }

  /** Moves to the next line; false after the last (the text after a final newline is none). */
  public boolean nextLine() {
    if (next >= limit) {
      return false;
    }
    lineStart = next;
    int newline = lines ? text.indexOf('\n', next) : -1;
    lineEnd = newline < 0 || newline > limit ? limit : newline;
    next = lineEnd + 1;
    number++;
    int a = lineStart;
    while (a < lineEnd && isWhitespace(text.charAt(a))) {
      a++;
    }
    int b = lineEnd;
    while (b > a && isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    stripStart = a;
    stripEnd = b;
    pos = a;
    start = lineStart;
    end = lineStart;
    return true;
  }

  /** The number of the current line, from 1. */
  public int lineNumber() {
    return number;
  }

  /** Whether the line holds only whitespace ({@link String#isBlank()}); empty lines are blank. */
  public boolean isBlank() {
    return stripStart == stripEnd;
  }

  /** Moves to the next field of the line; false when there is none left. */
  public boolean nextField() {
    int i = pos;
    while (i < stripEnd && isSeparator(text.charAt(i))) {
      i++;
    }
    if (i == stripEnd) {
      pos = i;
      return false;
    }
    start = i;
    while (i < stripEnd && !isSeparator(text.charAt(i))) {
      i++;
    }
    end = i;
    pos = i;
    return true;
  }

  /** Counts the fields left on the line, without moving. */
  public int fieldsLeft() {
    int n = 0;
    boolean inField = false;
    for (int i = pos; i < stripEnd; i++) {
      boolean separator = isSeparator(text.charAt(i));
      if (!separator && !inField) {
        n++;
      }
      inField = !separator;
    }
    return n;
  }

  /** What {@code \\s} matches: space, tab, newline, vertical tab, form feed, carriage return. */
  static boolean isSeparator(char c) {
    return c == ' ' || c <= '\r' && c >= '\t';
  }

  /** What {@link String#strip()} strips: {@link Character#isWhitespace}, fast for ASCII. */
  public static boolean isWhitespace(char c) {
    return c < 128
        ? c == ' ' || c <= '\r' && c >= '\t' || c >= '\u001c' && c <= '\u001f'
        : Character.isWhitespace(c);
  }

  /** Where the current line starts in the text. */
  public int lineStart() {
    return lineStart;
  }

  /** Where {@code c} first is in the current line, as an index of the text; -1 if nowhere. */
  public int indexInLine(char c) {
    for (int i = lineStart; i < lineEnd; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Moves to {@code index} of the text, in the current line, and past the whitespace there as
   * {@link String#strip()} would strip it: the fields after a separator such as a colon.
   */
  public void moveTo(int index) {
    int i = index;
    while (i < stripEnd && isWhitespace(text.charAt(i))) {
      i++;
    }
    pos = Math.min(i, stripEnd);
  }

  /** Where the current field starts in the text. */
  public int start() {
    return start;
  }

  /** Where the current field ends (exclusive) in the text. */
  public int end() {
    return end;
  }

  /** The text the cursor runs over. */
  public String text() {
    return text;
  }

  /** Whether the current field is {@code word}. */
  public boolean is(String word) {
    return end - start == word.length() && text.startsWith(word, start);
  }

  /** Whether the current field ends with {@code c}. */
  public boolean endsWith(char c) {
    return end > start && text.charAt(end - 1) == c;
  }

  /** The current field as a new String. */
  public String field() {
    return text.substring(start, end);
  }

  /** The current field as the shared instance of {@code names}. */
  public String field(Names names) {
    return names.of(text, start, end);
  }

  /**
   * The current field as {@link Long#parseLong(String)} reads it.
   *
   * @throws NumberFormatException when it is no decimal long
   */
  public long longValue() {
    return Long.parseLong(text, start, end, 10);
  }

  /**
   * The current field as {@link Long#parseLong(String, int)} reads it in {@code radix}.
   *
   * @throws NumberFormatException when it is no such long
   */
  public long longValue(int radix) {
    return Long.parseLong(text, start, end, radix);
  }

  /**
   * The current field as {@link Double#parseDouble(String)} reads it; a plain integer (what kernel
   * files hold) without a substring.
   *
   * @throws NumberFormatException when it is no number
   */
  public double doubleValue() {
    return Fields.decimal(text, start, end);
  }

  /** Whether the current line, as it is (not stripped), is {@code line}. */
  public boolean lineIs(String line) {
    int len = lineEnd - lineStart;
    return line.length() == len && text.regionMatches(lineStart, line, 0, len);
  }

  /** The current line as it is, not stripped: to keep what was parsed of it. */
  public String rawLine() {
    return text.substring(lineStart, lineEnd);
  }

  /** The current line, stripped: for messages. */
  public String line() {
    return text.substring(stripStart, stripEnd);
  }
}
