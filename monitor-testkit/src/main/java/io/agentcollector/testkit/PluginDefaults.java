package io.agentcollector.testkit;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.agentcollector.api.PluginConfig;

/** Loads a plugin's shipped {@code <id>-defaults.conf} from the class path, as the runtime does. */
public final class PluginDefaults {

  private PluginDefaults() {}

  public static PluginConfig load(String pluginId) {
    String resource = pluginId + "-defaults.conf";
    var parsed =
        ConfigFactory.parseResources(
            PluginDefaults.class.getClassLoader(),
            resource,
            ConfigParseOptions.defaults().setAllowMissing(false));
    return PluginConfig.of("plugins." + pluginId, parsed.resolve());
  }
}
