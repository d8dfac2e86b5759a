package io.agentcollector.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import io.agentcollector.api.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** What a stack overflow in typesafe's recursive merge or resolve means for the user. */
  public static final String TOO_DEEP =
      "configuration nested too deeply (a chain of thousands of substitutions or dotted keys?)";

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
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      fileConfig = parse(file);
    } else if (explicit) {
      throw new ConfigError("config file " + file + " does not exist (--config)");
    } else {
      fileConfig = ConfigFactory.empty("no config file at " + file);
    }
    return EnvOverrides.of(env, ENV_KEYS).withFallback(fileConfig);
  }

  private static Config parse(Path file) {
    ConfigFile.check(file, "config file " + file);
    Config parsed;
    try {
      parsed =
          ConfigFactory.parseFile(
              file.toFile(),
              ConfigParseOptions.defaults()
                  .setAllowMissing(false)
                  .setIncluder(new RequiredIncluder(file.toAbsolutePath().getParent())));
    } catch (ConfigException e) {
      // typesafe's message starts with the file and line already.
      throw new ConfigError("config file syntax: " + oneLine(e));
    } catch (StackOverflowError e) {
      throw new ConfigError("config file " + file + ": nested too deeply to parse");
    }
    // Dotted keys (a.b.c...) nest without brackets: bounded here, before merge and resolve recurse.
    if (KnownKeys.depth(parsed.root(), ConfigFile.MAX_DEPTH) > ConfigFile.MAX_DEPTH) {
      throw new ConfigError(
          "config file "
              + file
              + ": nested too deeply (settings deeper than "
              + ConfigFile.MAX_DEPTH
              + " levels)");
    }
    return parsed;
  }

  /**
   * Merges and validates.
   *
   * @param user what {@link #userInput} returned
   * @param plugins the installed plugins: id, collector names and shipped defaults
   */
  public AgentConfig load(Config user, Map<String, InstalledPlugin> plugins) {
    try {
      return validate(user, plugins);
    } catch (InvalidConfigException e) {
      throw new ConfigError(e.getMessage() + origin(user, e.key()));
    } catch (ConfigException e) {
      // A shape the checks above did not foresee; typesafe's message names the key and origin.
      throw new ConfigError(oneLine(e));
    } catch (StackOverflowError e) {
      throw new ConfigError(TOO_DEEP);
    }
  }

  private AgentConfig validate(Config user, Map<String, InstalledPlugin> plugins) {
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
    KnownKeys.check(resolvedUser, reference, plugins);
    AgentConfig config = AgentConfig.from(merged, home, hostname);
    // The shared defaults first, so an error there names plugins.defaults.<key>.
    config.plugin("defaults");
    for (String id : new TreeSet<>(plugins.keySet())) {
      config.plugin(id);
    }
    return config;
  }

  /** Where a bad value came from, when that was not the file: an environment variable. */
  private static String origin(Config user, String key) {
    try {
      if (user.hasPathOrNull(key)) {
        String where = user.getValue(key).origin().description();
        if (where.startsWith(EnvOverrides.ORIGIN)) {
          return " (" + where + ")";
        }
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
