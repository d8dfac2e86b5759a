package io.agentcollector.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ConfigLoader;
import io.agentcollector.runtime.plugins.PluginCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the config and loads the plugins: the part every command shares. */
record Setup(AgentConfig config, PluginCatalog catalog, Path configFile) {

  static Setup load(Path explicitConfig) {
    Path home = Main.home();
    boolean explicit = explicitConfig != null;
    Path file = explicit ? explicitConfig.toAbsolutePath() : home.resolve("configs/monitor.conf");
    ConfigLoader loader = new ConfigLoader(home, System.getenv(), Setup::hostname);
    Config user = loader.userInput(file, explicit);
    Path pluginsDir = pluginsDir(home, user);
    PluginCatalog catalog = PluginCatalog.load(pluginsDir);
    try {
      return new Setup(loader.load(user, catalog.installed()), catalog, file);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  private static Path pluginsDir(Path home, Config user) {
    try {
      Config withDefaults = user.withFallback(ConfigFactory.defaultReference(Setup.class.getClassLoader()));
      return home.resolve(withDefaults.getString("plugins-dir"));
    } catch (ConfigException e) {
      throw new ConfigError("plugins-dir: " + e.getMessage());
    }
  }

  /** The kernel's host name, without a DNS look-up (which can hang on a broken resolver). */
  static String hostname() {
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
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
