package io.agentcollector.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A plugin's config section ({@code plugins.<id>}) with typed getters whose errors name the full
 * key. Plugins turn it into their own record ({@code DiskConfig.from(PluginConfig)}) in {@code
 * start}, so a bad value stops the agent before it serves anything.
 */
public final class PluginConfig {

  private final String path;
  private final Config config;

  private PluginConfig(String path, Config config) {
    this.path = path;
    this.config = config;
  }

  /** A section found at {@code path} (e.g. {@code plugins.disk}) of the merged config. */
  public static PluginConfig of(String path, Config section) {
    return new PluginConfig(path, section);
  }

  /** A section parsed from HOCON text, for tests. */
  public static PluginConfig parse(String path, String hocon) {
    return new PluginConfig(path, ConfigFactory.parseString(hocon).resolve());
  }

  /** A copy with {@code hocon} layered over this section, for tests. */
  public PluginConfig with(String hocon) {
    return new PluginConfig(path, ConfigFactory.parseString(hocon).withFallback(config).resolve());
  }

  /** The section's full path, e.g. {@code plugins.disk}. */
  public String path() {
    return path;
  }

  /** The full key of a setting of this section. */
  public String key(String relative) {
    return path.isEmpty() ? relative : path + "." + relative;
  }

  /** The underlying typesafe config section, for settings these getters do not cover. */
  public Config raw() {
    return config;
  }

  public boolean hasPath(String key) {
    return config.hasPath(key);
  }

  public String getString(String key) {
    return get(key, "a string", () -> config.getString(key));
  }

  public boolean getBoolean(String key) {
    return get(key, "true or false", () -> config.getBoolean(key));
  }

  public int getInt(String key) {
    return get(key, "a whole number", () -> config.getInt(key));
  }

  public long getLong(String key) {
    return get(key, "a whole number", () -> config.getLong(key));
  }

  public double getDouble(String key) {
    return get(key, "a number", () -> config.getDouble(key));
  }

  /** A duration such as {@code 5s} or {@code 250ms}; negative values are rejected. */
  public Duration getDuration(String key) {
    Duration d = get(key, "a duration such as 5s or 250ms", () -> config.getDuration(key));
    if (d.isNegative()) {
      throw new InvalidConfigException(key(key), valueOf(key), "a duration of zero or more");
    }
    return d;
  }

  /** A size such as {@code 64MiB} or {@code 1048576}. */
  public long getBytes(String key) {
    return get(key, "a size such as 64MiB", () -> config.getBytes(key));
  }

  public List<String> getStringList(String key) {
    return get(key, "a list of strings", () -> List.copyOf(config.getStringList(key)));
  }

  /**
   * A regular expression with node_exporter's meaning (unanchored unless the pattern anchors
   * itself: match with {@code find()}). Empty means "not set".
   */
  public Optional<Pattern> getPattern(String key) {
    String regex = getString(key);
    if (regex.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new InvalidConfigException(
          key(key), regex, "a valid regular expression (" + e.getDescription() + ")");
    }
  }

  private <T> T get(String key, String expected, Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException.Missing e) {
      throw new InvalidConfigException(key(key), "(missing)", expected);
    } catch (ConfigException e) {
      throw new InvalidConfigException(key(key), valueOf(key), expected);
    }
  }

  private Object valueOf(String key) {
    try {
      ConfigValue v = config.getValue(key);
      return v.unwrapped();
    } catch (ConfigException e) {
      return "(unreadable)";
    }
  }

  @Override
  public String toString() {
    return path + " " + config.root().render();
  }
}
