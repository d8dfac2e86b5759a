package io.agentcollector.plugin.example;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;

/** Settings of the example plugin, validated once at start. */
record ExampleConfig(double value, String label) {

  static ExampleConfig from(PluginConfig config) {
    String label = config.getString("label");
    if (label.isBlank()) {
      throw new InvalidConfigException(config.key("label"), label, "a non-empty label value");
    }
    return new ExampleConfig(config.getDouble("value"), label);
  }
}
