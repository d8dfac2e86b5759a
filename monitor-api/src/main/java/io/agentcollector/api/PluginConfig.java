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

  /** A whole number: typesafe's getInt would truncate 1.5 to 1 and wrap 2^32 + 1 to 1. */
  public int getInt(String key) {
    long v = getLong(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new InvalidConfigException(key(key), valueOf(key), "a whole number below 2^31");
    }
    return (int) v;
  }

  /** A whole number, written as one ({@code 8}, or {@code "8"} from an environment variable). */
  public long getLong(String key) {
    Object raw = get(key, "a whole number", () -> config.getValue(key).unwrapped());
    if (raw instanceof Integer || raw instanceof Long) {
      return ((Number) raw).longValue();
    }
    if (raw instanceof String s && s.strip().matches("[-+]?[0-9]{1,18}")) {
      return Long.parseLong(s.strip());
    }
    throw new InvalidConfigException(key(key), raw, "a whole number");
  }

  public double getDouble(String key) {
    return get(key, "a number", () -> config.getDouble(key));
  }

  /** The longest duration any setting takes: more overflows millisecond arithmetic somewhere. */
  public static final Duration MAX_DURATION = Duration.ofDays(365);

  /**
   * A duration such as {@code 5s} or {@code 250ms}; negative values and values above {@link
   * #MAX_DURATION} are rejected.
   */
  public Duration getDuration(String key) {
    Duration d = get(key, "a duration such as 5s or 250ms", () -> config.getDuration(key));
    if (d.isNegative()) {
      throw new InvalidConfigException(key(key), valueOf(key), "a duration of zero or more");
    }
    if (d.compareTo(MAX_DURATION) > 0) {
      throw new InvalidConfigException(key(key), valueOf(key), "a duration of at most 365d");
    }
    return d;
  }

  /**
   * A duration from {@code min} to {@code max}, both included, e.g. an interval of at least 100ms.
   * The message states the bounds as written here ({@code 100ms}, {@code 24h}).
   */
  public Duration getDuration(String key, Duration min, Duration max) {
    Duration d = getDuration(key);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new InvalidConfigException(
          key(key), valueOf(key), "a duration from " + human(min) + " to " + human(max));
    }
    return d;
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    } else if (ms % 86_400_000 == 0 && ms > 86_400_000) {
      return ms / 86_400_000 + "d";
    } else if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    } else if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    } else if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
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
