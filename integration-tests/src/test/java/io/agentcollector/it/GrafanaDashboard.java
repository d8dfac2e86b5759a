package io.agentcollector.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The panels, queries and template variables of a Grafana dashboard JSON. */
final class GrafanaDashboard {

  /** One query of one panel. */
  record Query(String panel, String refId, String expr) {}

  /** A query variable {@code label_values(selector, label)}. */
  record Variable(String name, String selector, String label) {}

  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
  private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)}");

  final JsonNode root;

  private GrafanaDashboard(JsonNode root) {
    this.root = root;
  }

  static GrafanaDashboard read(Path file) {
    return new GrafanaDashboard(Json.read(file));
  }

  /** Every panel but rows, including those nested in collapsed rows. */
  List<JsonNode> panels() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : root.path("panels")) {
      if ("row".equals(p.path("type").asString(""))) {
        p.path("panels").forEach(out::add);
      } else {
        out.add(p);
      }
    }
    return out;
  }

  List<JsonNode> rows() {
    List<JsonNode> out = new ArrayList<>();
    root.path("panels")
        .forEach(
            p -> {
              if ("row".equals(p.path("type").asString(""))) {
                out.add(p);
              }
            });
    return out;
  }

  List<Query> queries() {
    List<Query> out = new ArrayList<>();
    for (JsonNode p : panels()) {
      for (JsonNode t : p.path("targets")) {
        out.add(
            new Query(
                p.path("title").asString(),
                t.path("refId").asString(),
                t.path("expr").asString("")));
      }
    }
    return out;
  }

  List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    for (JsonNode v : root.path("templating").path("list")) {
      if (!"query".equals(v.path("type").asString(""))) {
        continue;
      }
      JsonNode q = v.path("query");
      String text = q.isObject() ? q.path("query").asString("") : q.asString("");
      Matcher m = LABEL_VALUES.matcher(text);
      if (!m.matches()) {
        throw new AssertionError(
            "variable "
                + v.path("name").asString()
                + ": not label_values(selector, label): "
                + text);
      }
      out.add(new Variable(v.path("name").asString(), m.group(1).strip(), m.group(2)));
    }
    return out;
  }

  /**
   * {@code expr} with Grafana's variables ({@code $name}, {@code ${name}}) replaced; fails on an
   * unknown one.
   */
  static String substitute(String expr, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = values.get(name);
      if (value == null) {
        throw new AssertionError("unknown variable $" + name + " in " + expr);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
