package io.agentcollector.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.runtime.config.ConfigLoader.InstalledPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user wrote, checked against what exists: sections are objects, settings are known,
 * plugin ids installed, collector names those of the plugin.
 */
final class KnownKeys {

  private KnownKeys() {}

  static void check(Config user, Config reference, Map<String, InstalledPlugin> plugins) {
    checkSections(user.root(), reference.root(), "");
    List<Map.Entry<String, ConfigValue>> entries =
        user.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    for (Map.Entry<String, ConfigValue> e : entries) {
      String path = e.getKey();
      List<String> parts = ConfigUtil.splitPath(path);
      Object value = e.getValue().unwrapped();
      switch (parts.get(0)) {
        case "labels" -> {}
        case "plugins" -> checkPluginKey(parts, value, plugins, user);
        default -> {
          if (!reference.hasPathOrNull(path)) {
            throw new InvalidConfigException(
                path, value, "a known setting (see configs/monitor.conf for the list)");
          }
        }
      }
    }
  }

  /**
   * A section of the defaults ({@code web}, {@code labels}, {@code plugins.defaults}...) set to a
   * value: named here, before a getter fails on a key inside it.
   */
  private static void checkSections(ConfigObject user, ConfigObject reference, String prefix) {
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      if (e.getValue().valueType() != ConfigValueType.OBJECT) {
        continue;
      }
      String key = prefix + e.getKey();
      ConfigValue mine = user.get(e.getKey());
      if (mine == null) {
        continue;
      }
      if (mine.valueType() != ConfigValueType.OBJECT) {
        throw new InvalidConfigException(key, mine.unwrapped(), "a section " + key + " { ... }");
      }
      checkSections((ConfigObject) mine, (ConfigObject) e.getValue(), key + ".");
    }
    if (prefix.equals("plugins.")) {
      for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
        ConfigValue v = e.getValue();
        if (v.valueType() != ConfigValueType.OBJECT && v.valueType() != ConfigValueType.NULL) {
          throw new InvalidConfigException(
              prefix + e.getKey(), v.unwrapped(), "a section plugins." + e.getKey() + " { ... }");
        }
      }
    }
  }

  /** The deepest nesting of objects and lists, counted up to {@code limit + 1}. */
  static int depth(ConfigValue v, int limit) {
    if (limit < 0) {
      return 1;
    }
    List<ConfigValue> children = new ArrayList<>();
    if (v instanceof ConfigObject o) {
      children.addAll(o.values());
    } else if (v instanceof ConfigList l) {
      children.addAll(l);
    } else {
      return 0;
    }
    int max = 0;
    for (ConfigValue c : children) {
      max = Math.max(max, depth(c, limit - 1));
      if (max >= limit) {
        break;
      }
    }
    return max + 1;
  }

  private static void checkPluginKey(
      List<String> parts, Object value, Map<String, InstalledPlugin> plugins, Config user) {
    String key = String.join(".", parts);
    if (parts.size() < 3) {
      throw new InvalidConfigException(key, value, "a section plugins.<id> { ... }");
    }
    String id = parts.get(1);
    String setting = parts.get(2);
    if (setting.equals("collectors") && parts.size() == 3) {
      throw new InvalidConfigException(key, value, "a section collectors { <name> = true|false }");
    }
    if (id.equals("defaults")) {
      if (!PluginSettings.GENERIC_KEYS.contains(setting)) {
        throw new InvalidConfigException(
            key, value, "one of " + new TreeSet<>(PluginSettings.GENERIC_KEYS));
      }
      return;
    }
    InstalledPlugin plugin = plugins.get(id);
    if (plugin == null) {
      // A section for a plugin that is not installed is harmless only when it disables it.
      String enabled = ConfigUtil.joinPath("plugins", id, "enabled");
      if (user.hasPath(enabled)
          && user.getValue(enabled).valueType() == ConfigValueType.BOOLEAN
          && !user.getBoolean(enabled)) {
        return;
      }
      throw new InvalidConfigException(
          "plugins." + id,
          "{...}",
          "an installed plugin id (installed: "
              + String.join(", ", new TreeSet<>(plugins.keySet()))
              + ")");
    }
    if (setting.equals("collectors")) {
      if (parts.size() != 4 || !plugin.collectors().contains(parts.get(3))) {
        throw new InvalidConfigException(
            key,
            value,
            "a collector of plugin " + id + " (" + String.join(", ", plugin.collectors()) + ")");
      }
      return;
    }
    if (!PluginSettings.GENERIC_KEYS.contains(setting)
        && !plugin.defaults().hasPathOrNull(ConfigUtil.joinPath(parts.subList(2, parts.size())))) {
      Set<String> known = new TreeSet<>(PluginSettings.GENERIC_KEYS);
      plugin.defaults().root().keySet().forEach(known::add);
      throw new InvalidConfigException(key, value, "a setting of plugin " + id + ": " + known);
    }
  }
}
