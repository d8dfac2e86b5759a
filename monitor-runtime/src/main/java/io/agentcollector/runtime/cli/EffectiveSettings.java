package io.agentcollector.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.Durations;
import io.agentcollector.runtime.config.PluginSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code check-config} prints: every effective setting, the agent's and each enabled plugin's
 * (its own keys too), with where its value comes from: the file (path:line), an environment
 * variable, the plugin's shipped defaults or the runtime's.
 */
final class EffectiveSettings {

  private EffectiveSettings() {}

  /** The agent's settings (everything outside {@code plugins}), one line each. */
  static List<String> agent(AgentConfig config) {
    List<String> lines = new ArrayList<>();
    Config merged = config.merged();
    // Only the agent's own sections: the merged config also holds the JVM's system properties.
    Set<String> own =
        new TreeSet<>(
            ConfigFactory.parseResources(EffectiveSettings.class.getClassLoader(), "reference.conf")
                .root()
                .keySet());
    own.remove("plugins");
    for (Map.Entry<String, ConfigValue> e : leaves(merged).entrySet()) {
      if (!own.contains(ConfigUtil.splitPath(e.getKey()).get(0))) {
        continue;
      }
      String shown =
          e.getKey().equals("host.label") && e.getValue().valueType() == ConfigValueType.NULL
              ? config.hostLabel().orElse("") + " (the machine's host name)"
              : value(e.getValue());
      lines.add(line(e.getKey(), shown, e.getValue().origin()));
    }
    return lines;
  }

  /** A plugin: its state line, then (if enabled) each effective setting. */
  static List<String> plugin(AgentConfig config, String id) {
    PluginSettings s = config.plugin(id);
    List<String> lines = new ArrayList<>();
    if (!s.enabled()) {
      lines.add("plugins." + id + ": disabled");
      return lines;
    }
    lines.add(
        "plugins."
            + id
            + ": enabled, interval "
            + Durations.format(s.interval())
            + ", timeout "
            + Durations.format(s.timeout()));
    for (Map.Entry<String, ConfigValue> e : leaves(s.section().raw()).entrySet()) {
      lines.add(
          "  "
              + line(
                  ConfigUtil.joinPath("plugins", id) + "." + e.getKey(),
                  value(e.getValue()),
                  e.getValue().origin()));
    }
    return lines;
  }

  /**
   * Leaf settings by path, sorted: nulls and empty sections ({@code labels {}}) included, a list is
   * one leaf.
   */
  private static Map<String, ConfigValue> leaves(Config c) {
    Map<String, ConfigValue> out = new TreeMap<>();
    walk("", c.root(), out);
    return out;
  }

  private static void walk(String prefix, ConfigObject object, Map<String, ConfigValue> out) {
    for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
      String key = prefix + ConfigUtil.joinPath(e.getKey());
      if (e.getValue() instanceof ConfigObject o && !o.isEmpty()) {
        walk(key + ".", o, out);
      } else {
        out.put(key, e.getValue());
      }
    }
  }

  private static String line(String key, String value, ConfigOrigin origin) {
    return key + " = " + value + "   # " + source(origin, key);
  }

  /** A value as the config file would spell it; strings unquoted unless empty. */
  static String value(ConfigValue v) {
    if (v.valueType() == ConfigValueType.STRING) {
      String s = (String) v.unwrapped();
      return s.isEmpty() ? "\"\"" : s;
    }
    return v.render(ConfigRenderOptions.concise());
  }

  /** Where a value was set, as a user would go and change it. */
  static String source(ConfigOrigin o, String key) {
    String d = o.description();
    String where =
        o.url() != null
            ? o.url().toString()
            : o.filename() != null ? o.filename() : o.resource() != null ? o.resource() : "";
    if (where.endsWith("-defaults.conf")) {
      return "plugin default (" + pluginDefaults(where) + ")";
    }
    if (where.endsWith("reference.conf") || d.contains("reference.conf")) {
      return "runtime default";
    }
    if (o.filename() != null) {
      return "file " + o.filename() + (o.lineNumber() > 0 ? ":" + o.lineNumber() : "");
    }
    if (d.startsWith("environment variable ")) {
      return "env "
          + d.substring("environment variable ".length()).replaceAll(":? *\\d*$", "").strip();
    }
    if (d.startsWith("env variables")) {
      return "env CONFIG_FORCE_" + forceName(key);
    }
    return d;
  }

  /** {@code cpu-defaults.conf in plugin-cpu-0.1.0.jar}, or in the unpacked plugin's directory. */
  private static String pluginDefaults(String where) {
    String file = where.substring(where.lastIndexOf('/') + 1);
    int bang = where.lastIndexOf('!');
    if (bang >= 0) {
      return file + " in " + where.substring(where.lastIndexOf('/', bang) + 1, bang);
    }
    String dir = where.substring(0, where.lastIndexOf('/') + 1).replaceFirst("^file:", "");
    return file + " in " + dir;
  }

  /** typesafe's CONFIG_FORCE_ spelling of a key: . as _, - as __, _ as ___. */
  static String forceName(String key) {
    StringBuilder sb = new StringBuilder();
    for (char c : key.replace("\"", "").toCharArray()) {
      sb.append(c == '.' ? "_" : c == '-' ? "__" : c == '_' ? "___" : String.valueOf(c));
    }
    return sb.toString();
  }
}
