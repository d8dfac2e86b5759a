package io.agentcollector.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The environment's part of the config: {@code MONITOR_*} variables for common settings and
 * typesafe's {@code CONFIG_FORCE_<key>} for any key. Built here rather than with {@code
 * ConfigFactory.systemEnvironmentOverrides()} so each value's origin names its variable (typesafe
 * names them all "env variables overrides").
 */
final class EnvOverrides {

  static final String ORIGIN = "environment variable ";
  private static final String FORCE = "CONFIG_FORCE_";

  private EnvOverrides() {}

  static Config of(Map<String, String> env, Map<String, String> monitorKeys) {
    Config out = ConfigFactory.empty("environment variables");
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String path;
      if (monitorKeys.containsKey(e.getKey())) {
        path = monitorKeys.get(e.getKey());
      } else if (e.getKey().startsWith(FORCE) && e.getKey().length() > FORCE.length()) {
        path = forcedPath(e.getKey());
      } else {
        continue;
      }
      Properties p = new Properties();
      p.setProperty(path, e.getValue());
      try {
        Config one =
            ConfigFactory.parseProperties(
                p, ConfigParseOptions.defaults().setOriginDescription(ORIGIN + e.getKey()));
        // MONITOR_* win over CONFIG_FORCE_*, as documented in configs/monitor.conf.
        out = monitorKeys.containsKey(e.getKey()) ? one.withFallback(out) : out.withFallback(one);
      } catch (ConfigException ex) {
        throw new ConfigError(ORIGIN + e.getKey() + ": " + ConfigLoader.oneLine(ex));
      }
    }
    return out;
  }

  /** typesafe's mangling: "_" is ".", "__" is "-", "___" is "_". */
  static String forcedPath(String variable) {
    StringBuilder sb = new StringBuilder();
    int underscores = 0;
    String name = variable.substring(FORCE.length()) + "!";
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        underscores++;
        continue;
      }
      switch (underscores) {
        case 0 -> {}
        case 1 -> sb.append('.');
        case 2 -> sb.append('-');
        case 3 -> sb.append('_');
        default ->
            throw new ConfigError(
                ORIGIN
                    + variable
                    + ": more than 3 underscores in a row (\"_\" is \".\", \"__\" is \"-\", \"___\" is \"_\")");
      }
      underscores = 0;
      if (i < name.length() - 1) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
