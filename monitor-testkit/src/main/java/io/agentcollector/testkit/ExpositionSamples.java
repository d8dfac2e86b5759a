package io.agentcollector.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The samples and {@code # TYPE} lines of a Prometheus text exposition (0.0.4), for comparing two
 * exporters by value rather than by text (Go prints {@code 1e+06}, Java {@code 1000000.0}). Only
 * what the parity tests need: no timestamps, no exemplars.
 */
public final class ExpositionSamples {

  /** One sample: metric name, labels sorted by name, value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final Map<String, String> types = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private ExpositionSamples() {}

  public static ExpositionSamples parse(String text) {
    ExpositionSamples out = new ExpositionSamples();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ");
        out.types.put(parts[0], parts[1]);
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      out.samples.add(sample(line, lineNo));
    }
    return out;
  }

  private static Sample sample(String line, int lineNo) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new TreeMap<>();
    String name;
    String rest;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq).strip();
        StringBuilder value = new StringBuilder();
        int j = eq + 2; // skip ="
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            char n = line.charAt(++j);
            value.append(n == 'n' ? '\n' : n);
          } else {
            value.append(c);
          }
          j++;
        }
        labels.put(key, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      rest = line.substring(i + 1).strip();
    } else {
      name = line.substring(0, space);
      rest = line.substring(space + 1).strip();
    }
    String valueText = rest.split(" ")[0];
    try {
      return new Sample(name, labels, parseValue(valueText));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "line " + lineNo + ": bad value " + valueText + " in: " + line);
    }
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  /** {@code # TYPE} of each family, by family name. */
  public Map<String, String> types() {
    return types;
  }

  public List<Sample> samples() {
    return samples;
  }

  /**
   * The value of the first sample of {@code family} whose labels include {@code labelPairs}
   * (alternating name and value); empty when none has them.
   */
  public OptionalDouble value(String family, String... labelPairs) {
    Map<String, String> want = new HashMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      want.put(labelPairs[i], labelPairs[i + 1]);
    }
    for (Sample s : family(family)) {
      if (s.labels().entrySet().containsAll(want.entrySet())) {
        return OptionalDouble.of(s.value());
      }
    }
    return OptionalDouble.empty();
  }

  /** Samples whose name is {@code family} or a summary/histogram part of it. */
  public List<Sample> family(String family) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : samples) {
      if (s.name().equals(family)
          || s.name().equals(family + "_sum")
          || s.name().equals(family + "_count")
          || s.name().equals(family + "_bucket")) {
        out.add(s);
      }
    }
    return out;
  }
}
