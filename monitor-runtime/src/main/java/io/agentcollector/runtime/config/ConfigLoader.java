package io.agentcollector.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.agentcollector.api.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the agent's configuration, highest priority first: {@code MONITOR_*} environment
 * variables, {@code CONFIG_FORCE_*} variables (typesafe config's generic override), the user's
 * file, each plugin's shipped defaults, the runtime's {@code reference.conf}. Then validates what
 * the user wrote: unknown settings, unknown plugins and wrong values are errors naming the key.
 */
public final class ConfigLoader {

  /** Environment variables for the settings people change most. */
  public static final Map<String, String> ENV_KEYS =
      Map.of(
          "MONITOR_LISTEN_ADDRESS", "web.listen-address",
          "MONITOR_HOST_LABEL", "host.label",
          "MONITOR_PROC_PATH", "host.proc-path",
          "MONITOR_SYS_PATH", "host.sys-path",
          "MONITOR_ROOTFS_PATH", "host.rootfs-path",
          "MONITOR_CGROUP_PATH", "host.cgroup-path",
          "MONITOR_LOG_LEVEL", "logging.level",
          "MONITOR_LOG_FORMAT", "logging.format",
          "MONITOR_LOG_FILE", "logging.file",
          "MONITOR_PLUGINS_DIR", "plugins-dir");

  private final Path home;
  private final Map<String, String> env;
  private final AgentConfig.HostnameSource hostname;

  /**
   * @param home install directory; relative paths in the config resolve against it
   * @param env the process environment ({@code MONITOR_*} keys are read from it)
   */
  public ConfigLoader(Path home, Map<String, String> env, AgentConfig.HostnameSource hostname) {
    this.home = home;
    this.env = env;
    this.hostname = hostname;
  }

  /** The user's part: environment overrides over the file. The file must exist if explicit. */
  public Config userInput(Path file, boolean explicit) {
    Config fileConfig;
    if (Files.exists(file)) {
      if (!Files.isReadable(file)) {
        throw new ConfigError("config file " + file + " is not readable");
      }
      try {
        fileConfig =
            ConfigFactory.parseFile(
                file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        // typesafe's message starts with the file and line already.
        throw new ConfigError("config file syntax: " + oneLine(e));
      }
    } else if (explicit) {
      throw new ConfigError("config file " + file + " does not exist (--config)");
    } else {
      fileConfig = ConfigFactory.empty("no config file at " + file);
    }
    Config envConfig = ConfigFactory.empty("MONITOR_* environment variables");
    for (Map.Entry<String, String> e : ENV_KEYS.entrySet()) {
      String value = env.get(e.getKey());
      if (value != null) {
        envConfig =
            ConfigFactory.parseMap(Map.of(e.getValue(), value), "environment variable " + e.getKey())
                .withFallback(envConfig);
      }
    }
    Config forced;
    try {
      forced = ConfigFactory.systemEnvironmentOverrides();
    } catch (ConfigException e) {
      throw new ConfigError("CONFIG_FORCE_ environment variables: " + oneLine(e));
    }
    return envConfig.withFallback(forced).withFallback(fileConfig);
  }

  /**
   * Merges and validates.
   *
   * @param user what {@link #userInput} returned
   * @param plugins the installed plugins: id, collector names and shipped defaults
   */
  public AgentConfig load(Config user, Map<String, InstalledPlugin> plugins) {
    Config reference = ConfigFactory.defaultReference(ConfigLoader.class.getClassLoader());
    Config merged = user;
    for (InstalledPlugin p : plugins.values()) {
      merged = merged.withFallback(p.defaults().atPath(AgentConfig.quoted(p.id())));
    }
    Config resolvedUser;
    try {
      merged = merged.withFallback(reference).resolve();
      // Substitutions in the file (host.label = ${?NODE_NAME}) resolved, or the key check
      // cannot read their values. Within the user's own settings first (resolveWith fails on
      // a key set twice, the usual "default, then ${?ENV}" pattern); references to the
      // agent's defaults against the merged config.
      resolvedUser = user.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
      if (!resolvedUser.isResolved()) {
        resolvedUser = resolvedUser.resolveWith(merged);
      }
    } catch (ConfigException e) {
      throw new ConfigError(oneLine(e));
    }
    try {
      checkKnown(resolvedUser, reference, plugins);
      AgentConfig config = AgentConfig.from(merged, home, hostname);
      // The shared defaults first, so an error there names plugins.defaults.<key>.
      config.plugin("defaults");
      for (String id : new TreeSet<>(plugins.keySet())) {
        config.plugin(id);
      }
      return config;
    } catch (InvalidConfigException e) {
      throw new ConfigError(e.getMessage() + origin(user, e.key()));
    }
  }

  private static void checkKnown(
      Config user, Config reference, Map<String, InstalledPlugin> plugins) {
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

  private static void checkPluginKey(
      List<String> parts, Object value, Map<String, InstalledPlugin> plugins, Config user) {
    String key = String.join(".", parts);
    if (parts.size() < 3) {
      throw new InvalidConfigException(key, value, "a section plugins.<id> { ... }");
    }
    String id = parts.get(1);
    String setting = parts.get(2);
    if (id.equals("defaults")) {
      if (!PluginSettings.GENERIC_KEYS.contains(setting)) {
        throw new InvalidConfigException(key, value, "one of " + new TreeSet<>(PluginSettings.GENERIC_KEYS));
      }
      return;
    }
    InstalledPlugin plugin = plugins.get(id);
    if (plugin == null) {
      // A section for a plugin that is not installed is harmless only when it disables it.
      String enabled = ConfigUtil.joinPath("plugins", id, "enabled");
      if (user.hasPath(enabled) && !user.getBoolean(enabled)) {
        return;
      }
      throw new InvalidConfigException(
          "plugins." + id,
          "{...}",
          "an installed plugin id (installed: " + String.join(", ", new TreeSet<>(plugins.keySet())) + ")");
    }
    if (setting.equals("collectors")) {
      if (parts.size() != 4 || !plugin.collectors().contains(parts.get(3))) {
        throw new InvalidConfigException(
            key, value, "a collector of plugin " + id + " (" + String.join(", ", plugin.collectors()) + ")");
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

  private static String origin(Config user, String key) {
    try {
      if (user.hasPathOrNull(key)) {
        var o = user.getValue(key).origin();
        return " (" + o.description() + ")";
      }
    } catch (ConfigException e) {
      // Not a plain path (a section name): no origin to add.
    }
    return "";
  }

  static String oneLine(ConfigException e) {
    return e.getMessage().replace('\n', ' ');
  }

  /** What the config needs to know of an installed plugin. */
  public record InstalledPlugin(String id, List<String> collectors, Config defaults) {
    public InstalledPlugin {
      collectors = List.copyOf(new ArrayList<>(new TreeSet<>(collectors)));
    }
  }
}
