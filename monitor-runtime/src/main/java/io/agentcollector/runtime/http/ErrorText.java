package io.agentcollector.runtime.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error message made fit for the unauthenticated landing page: absolute paths shortened to their
 * file name, quoted text (parsers quote the bytes of the broken file) replaced, control characters
 * dropped, length bounded. What stays is the reason ("cannot read", "line 3: not a number"), enough
 * to know where to look in the log.
 */
final class ErrorText {

  static final int MAX_LENGTH = 160;

  /** An absolute path: a / after a start, space, quote, = or (, up to a separator. */
  private static final Pattern PATH = Pattern.compile("(?<=^|[\\s\"'=(\\[])/[^\\s\"'(),;:\\]]*");

  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\uFFFD]");

  private ErrorText() {}

  static String sanitize(String message) {
    if (message == null || message.isEmpty()) {
      return "";
    }
    String s = CONTROL.matcher(message).replaceAll(" ");
    s = QUOTED.matcher(s).replaceAll("\"…\"");
    s = PATH.matcher(s).replaceAll(m -> fileName(m.group()));
    s = s.replaceAll("[^\\x20-\\x7E…]", "?").replaceAll(" {2,}", " ").strip();
    return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** {@code /host/proc/diskstats} as {@code …/diskstats}: which file, not where it lives. */
  private static String fileName(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return Matcher.quoteReplacement(name.isEmpty() ? "…" : "…/" + name);
  }
}
