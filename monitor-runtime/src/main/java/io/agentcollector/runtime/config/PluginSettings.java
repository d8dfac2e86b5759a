package io.agentcollector.runtime.config;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings every plugin has: {@code enabled}, {@code interval}, {@code timeout} and the
 * per-collector switches {@code collectors.<name> = true|false}, plus the whole merged section
 * handed to the plugin's collectors.
 */
public record PluginSettings(
    String id,
    boolean enabled,
    Duration interval,
    Duration timeout,
    Map<String, Boolean> collectors,
    PluginConfig section) {

  /** Keys the runtime owns in every plugin section. */
  static final java.util.Set<String> GENERIC_KEYS =
      java.util.Set.of("enabled", "interval", "timeout", "collectors");

  static PluginSettings from(String id, PluginConfig section) {
    Duration interval = section.getDuration("interval");
    if (interval.isZero()) {
      throw new InvalidConfigException(section.key("interval"), "0s", "a duration above zero");
    }
    Duration timeout = section.getDuration("timeout");
    if (timeout.isZero()) {
      throw new InvalidConfigException(section.key("timeout"), "0s", "a duration above zero");
    }
    Map<String, Boolean> collectors = new TreeMap<>();
    if (section.hasPath("collectors")) {
      for (Map.Entry<String, ConfigValue> e :
          section.raw().getObject("collectors").entrySet()) {
        if (e.getValue().valueType() != ConfigValueType.BOOLEAN) {
          throw new InvalidConfigException(
              section.key("collectors." + e.getKey()), e.getValue().unwrapped(), "true or false");
        }
        collectors.put(e.getKey(), (Boolean) e.getValue().unwrapped());
      }
    }
    return new PluginSettings(
        id, section.getBoolean("enabled"), interval, timeout, Map.copyOf(collectors), section);
  }

  /** Whether collector {@code name} of an enabled plugin runs: its switch, else its default. */
  public boolean collectorEnabled(String name, boolean byDefault) {
    return collectors.getOrDefault(name, byDefault);
  }
}
