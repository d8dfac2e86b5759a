package io.agentcollector.runtime.config;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import io.agentcollector.runtime.schedule.SeriesBudget;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings every plugin has: {@code enabled}, {@code interval}, {@code timeout}, {@code
 * max-series} (each collector's series budget) and the per-collector switches {@code
 * collectors.<name> = true|false}, plus the whole merged section handed to the plugin's collectors.
 */
public record PluginSettings(
    String id,
    boolean enabled,
    Duration interval,
    Duration timeout,
    long maxSeries,
    Map<String, Boolean> collectors,
    PluginConfig section) {

  /** Keys the runtime owns in every plugin section. */
  static final java.util.Set<String> GENERIC_KEYS =
      java.util.Set.of("enabled", "interval", "timeout", "max-series", "collectors");

  /**
   * Below this a collector re-reads /proc faster than anything scrapes it (Prometheus scrapes every
   * 15s to 60s; node_exporter collects per scrape), and its own cost dominates the host.
   */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

  /** A day: a longer interval or timeout is a typo (5d for 5s), not a setting. */
  public static final Duration MAX_INTERVAL = Duration.ofHours(24);

  /** A timeout below a millisecond fails every cycle of every collector. */
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

  static PluginSettings from(String id, PluginConfig section) {
    Duration interval = section.getDuration("interval", MIN_INTERVAL, MAX_INTERVAL);
    Duration timeout = section.getDuration("timeout", MIN_TIMEOUT, MAX_INTERVAL);
    long maxSeries = section.getLong("max-series");
    if (maxSeries < 1) {
      throw new InvalidConfigException(
          section.key("max-series"), maxSeries, "a number of series of 1 or more");
    }
    Map<String, Boolean> collectors = new TreeMap<>();
    if (section.hasPath("collectors")) {
      for (Map.Entry<String, ConfigValue> e : section.raw().getObject("collectors").entrySet()) {
        if (e.getValue().valueType() != ConfigValueType.BOOLEAN) {
          throw new InvalidConfigException(
              section.key("collectors." + e.getKey()), e.getValue().unwrapped(), "true or false");
        }
        collectors.put(e.getKey(), (Boolean) e.getValue().unwrapped());
      }
    }
    return new PluginSettings(
        id,
        section.getBoolean("enabled"),
        interval,
        timeout,
        maxSeries,
        Map.copyOf(collectors),
        section);
  }

  /** A fresh budget for one collector of this plugin (each collector has its own). */
  public SeriesBudget budget() {
    return new SeriesBudget(maxSeries, section.key("max-series"));
  }

  /** Whether collector {@code name} of an enabled plugin runs: its switch, else its default. */
  public boolean collectorEnabled(String name, boolean byDefault) {
    return collectors.getOrDefault(name, byDefault);
  }
}
