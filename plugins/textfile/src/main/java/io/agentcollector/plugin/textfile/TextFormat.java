package io.agentcollector.plugin.textfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Prometheus text format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/):
 * {@code # HELP}, {@code # TYPE}, samples {@code name{label="value",…} value [timestamp]}.
 * client_java writes this format but does not read it, hence this parser.
 */
final class TextFormat {

  private TextFormat() {}

  record Sample(String name, Map<String, String> labels, double value, boolean hasTimestamp) {}

  /** A family as the file declares it; samples keep their own names (_sum, _count, _bucket). */
  static final class Family {
    final String name;
    String type = "untyped";
    String help;
    final List<Sample> samples = new ArrayList<>();

    Family(String name) {
      this.name = name;
    }
  }

  /** More samples than the caller's limit: parsing stopped there. */
  static final class TooManySamples extends RuntimeException {
    TooManySamples(String message) {
      super(message);
    }
  }

  static Map<String, Family> parse(String file, String content) {
    try {
      return parse(file, new BufferedReader(new StringReader(content)), Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses line by line and stops at sample {@code maxSamples + 1}, so a file far over the series
   * budget never lives in memory.
   */
  static Map<String, Family> parse(String file, BufferedReader in, long maxSamples)
      throws IOException {
    Map<String, Family> families = new LinkedHashMap<>();
    int n = 0;
    long samples = 0;
    for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
      n++;
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] f = line.split("\\s+", 4);
        if (f.length >= 3 && (f[1].equals("HELP") || f[1].equals("TYPE"))) {
          Family fam = families.computeIfAbsent(f[2], Family::new);
          String rest = f.length == 4 ? f[3] : "";
          if (f[1].equals("HELP")) {
            fam.help = unescapeHelp(rest);
          } else {
            if (!List.of("counter", "gauge", "untyped", "summary", "histogram").contains(rest)) {
              throw error(file, n, "unknown type \"" + rest + "\"");
            }
            if (!fam.samples.isEmpty()) {
              throw error(file, n, "TYPE of " + f[2] + " after its samples");
            }
            fam.type = rest;
          }
        }
        continue;
      }
      if (++samples > maxSamples) {
        throw new TooManySamples(
            file + ": more than " + maxSamples + " series (stopped reading at line " + n + ")");
      }
      Sample s = sample(file, n, line);
      familyOf(families, s.name()).samples.add(s);
    }
    return families;
  }

  /**
   * The declared family a sample belongs to: its own name, or the name without a summary/histogram
   * suffix.
   */
  private static Family familyOf(Map<String, Family> families, String sample) {
    for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
      if (sample.endsWith(suffix)) {
        Family f = families.get(sample.substring(0, sample.length() - suffix.length()));
        if (f != null && (f.type.equals("summary") || f.type.equals("histogram"))) {
          return f;
        }
      }
    }
    return families.computeIfAbsent(sample, Family::new);
  }

  private static Sample sample(String file, int n, String line) {
    int i = 0;
    while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
      i++;
    }
    if (i == 0) {
      throw error(file, n, "no metric name in \"" + line + "\"");
    }
    String name = line.substring(0, i);
    Map<String, String> labels = new TreeMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (true) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
          i++;
        }
        if (i < line.length() && line.charAt(i) == '}') {
          i++;
          break;
        }
        int eq = line.indexOf('=', i);
        if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
          throw error(file, n, "bad label in \"" + line + "\"");
        }
        String key = line.substring(i, eq).strip();
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\' && j + 1 < line.length()) {
            char e = line.charAt(++j);
            v.append(e == 'n' ? '\n' : e);
          } else {
            v.append(c);
          }
        }
        if (j >= line.length()) {
          throw error(file, n, "unterminated label value in \"" + line + "\"");
        }
        if (labels.put(key, v.toString()) != null) {
          throw error(file, n, "label " + key + " twice in \"" + line + "\"");
        }
        i = j + 1;
      }
    }
    String[] rest = line.substring(i).strip().split("\\s+");
    if (rest.length == 0 || rest[0].isEmpty() || rest.length > 2) {
      throw error(file, n, "expected a value and an optional timestamp in \"" + line + "\"");
    }
    return new Sample(name, labels, value(file, n, rest[0]), rest.length == 2);
  }

  private static double value(String file, int n, String s) {
    switch (s) {
      case "+Inf", "Inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-Inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "NaN" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw error(file, n, "not a number: \"" + s + "\"");
        }
      }
    }
  }

  private static boolean isNameChar(char c, boolean first) {
    return c == '_'
        || c == ':'
        || c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || !first && c >= '0' && c <= '9';
  }

  private static String unescapeHelp(String s) {
    return s.replace("\\n", "\n").replace("\\\\", "\\");
  }

  private static IllegalArgumentException error(String file, int line, String what) {
    return new IllegalArgumentException(file + " line " + line + ": " + what);
  }
}
