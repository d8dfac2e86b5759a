package io.agentcollector.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.kernel.KernelFiles;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ConfigLoader;
import io.agentcollector.runtime.plugins.PluginCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads the config and loads the plugins: the part every command shares. */
record Setup(AgentConfig config, PluginCatalog catalog, Path configFile) {

  static Setup load(Path explicitConfig) {
    return load(Main.home(), System.getenv(), explicitConfig, Preflight.Resolver.SYSTEM);
  }

  /**
   * Everything {@code run} checks before it binds the port, shared by every command: the config,
   * the plugins directory, the plugins' sections and the listen address. {@code run} and {@code
   * check-config} then start the enabled collectors the same way ({@code CollectorSet.start}).
   */
  static Setup load(
      Path home, Map<String, String> env, Path explicitConfig, Preflight.Resolver resolver) {
    boolean explicit = explicitConfig != null;
    Path file = explicit ? explicitConfig.toAbsolutePath() : home.resolve("configs/monitor.conf");
    ConfigLoader loader = new ConfigLoader(home, env, Setup::hostname);
    Config user = loader.userInput(file, explicit);
    Path pluginsDir = pluginsDir(home, user);
    PluginCatalog catalog = PluginCatalog.load(pluginsDir);
    try {
      AgentConfig config = loader.load(user, catalog.installed());
      Preflight.checkListenAddress(config.listenAddress(), resolver);
      return new Setup(config, catalog, file);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  /**
   * Read before the rest is validated (the plugins' defaults are part of the config). A plugins
   * directory that does not exist is an error: the agent would run with no collectors at all.
   */
  private static Path pluginsDir(Path home, Config user) {
    String value;
    Path dir;
    try {
      Config withDefaults =
          user.withFallback(ConfigFactory.defaultReference(Setup.class.getClassLoader())).resolve();
      value = PluginConfig.of("", withDefaults).getString("plugins-dir");
      dir = home.resolve(AgentConfig.pathOf("plugins-dir", value));
    } catch (ConfigException e) {
      throw new ConfigError(e.getMessage().replace('\n', ' '));
    } catch (InvalidConfigException e) {
      throw new ConfigError(e.getMessage() + origin(user, "plugins-dir"));
    } catch (StackOverflowError e) {
      // typesafe resolves substitutions recursively: a chain of thousands overflows the stack.
      throw new ConfigError(ConfigLoader.TOO_DEEP);
    }
    if (!Files.isDirectory(dir)) {
      throw new ConfigError(
          new InvalidConfigException(
                      "plugins-dir", value, "an existing directory (" + dir + " is not one)")
                  .getMessage()
              + origin(user, "plugins-dir"));
    }
    return dir;
  }

  private static String origin(Config user, String key) {
    try {
      String where = user.hasPath(key) ? user.getValue(key).origin().description() : "";
      return where.startsWith("environment variable ") ? " (" + where + ")" : "";
    } catch (ConfigException e) {
      return "";
    }
  }

  /** The kernel's host name, without a DNS look-up (which can hang on a broken resolver). */
  static String hostname() {
    try {
      String name = KernelFiles.read(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException e) {
      // Not Linux, or no procfs: ask Java.
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
