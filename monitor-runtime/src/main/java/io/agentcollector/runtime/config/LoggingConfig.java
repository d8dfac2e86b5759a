package io.agentcollector.runtime.config;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code logging} section. */
public record LoggingConfig(
    String level,
    boolean json,
    boolean console,
    Optional<String> file,
    long fileMaxSize,
    int fileMaxHistory) {

  private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

  static LoggingConfig from(PluginConfig c) {
    String level = c.getString("level").toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new InvalidConfigException(
          c.key("level"), level, "one of " + String.join(", ", LEVELS));
    }
    String format = c.getString("format");
    if (!format.equals("text") && !format.equals("json")) {
      throw new InvalidConfigException(c.key("format"), format, "text or json");
    }
    String file = c.getString("file");
    if (!file.isBlank()) {
      checkWritable(c.key("file"), file);
    }
    int history = c.getInt("file-max-history");
    if (history < 1) {
      throw new InvalidConfigException(c.key("file-max-history"), history, "1 or more");
    }
    long size = c.getBytes("file-max-size");
    if (size < 1024) {
      throw new InvalidConfigException(c.key("file-max-size"), size, "at least 1KiB");
    }
    return new LoggingConfig(
        level,
        format.equals("json"),
        c.getBoolean("console"),
        file.isBlank() ? Optional.empty() : Optional.of(file),
        size,
        history);
  }

  /** Logback would only print a warning and log nowhere: the file must be creatable or writable. */
  private static void checkWritable(String key, String file) {
    Path p;
    try {
      p = Path.of(file).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new InvalidConfigException(key, file, "a file path");
    }
    if (Files.isDirectory(p)) {
      throw new InvalidConfigException(key, file, "a file, not a directory");
    }
    if (Files.exists(p)) {
      if (!Files.isRegularFile(p) || !Files.isWritable(p)) {
        throw new InvalidConfigException(key, file, "a writable file");
      }
      return;
    }
    Path dir = p.getParent();
    if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new InvalidConfigException(key, file, "a file in an existing, writable directory");
    }
  }

  /** Logging before the config is read, and for commands other than {@code run}. */
  public static LoggingConfig bootstrap() {
    return new LoggingConfig("info", false, true, Optional.empty(), 10 << 20, 5);
  }
}
