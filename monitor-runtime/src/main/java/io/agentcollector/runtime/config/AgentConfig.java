package io.agentcollector.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.agentcollector.api.HostPaths;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.api.PluginConfig;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The agent's own settings, validated; plugin sections are read with {@link #plugin}. */
public record AgentConfig(
    ListenAddress listenAddress,
    int maxRequests,
    LandingPageMode landingPage,
    int maxConnections,
    Optional<Path> webConfigFile,
    Optional<String> hostLabel,
    Map<String, String> staticLabels,
    HostPaths hostPaths,
    LoggingConfig logging,
    boolean jvmMetrics,
    int schedulerThreads,
    Path pluginsDir,
    Config merged) {

  /** Each request holds a thread: more than this is a typo, not a scrape load. */
  static final int MAX_REQUESTS = 1000;

  /**
   * Reads the merged config. Relative paths ({@code plugins-dir}) resolve against {@code home}, the
   * install directory.
   */
  static AgentConfig from(Config merged, Path home, HostnameSource hostname) {
    PluginConfig c = PluginConfig.of("", merged);
    ListenAddress listen =
        ListenAddress.parse("web.listen-address", c.getString("web.listen-address"));
    int maxRequests = c.getInt("web.max-requests");
    if (maxRequests < 1 || maxRequests > MAX_REQUESTS) {
      throw new InvalidConfigException(
          "web.max-requests", maxRequests, "a number from 1 to " + MAX_REQUESTS);
    }
    LandingPageMode landingPage =
        LandingPageMode.parse("web.landing-page", c.getString("web.landing-page"));
    int maxConnections = c.getInt("web.max-connections");
    if (maxConnections < 8 || maxConnections > 65536) {
      throw new InvalidConfigException(
          "web.max-connections", maxConnections, "a number from 8 to 65536");
    }
    String webConfig = c.getString("web.config-file");
    Optional<Path> webConfigFile;
    try {
      webConfigFile = webConfig.isEmpty() ? Optional.empty() : Optional.of(home.resolve(webConfig));
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidConfigException(
          "web.config-file", webConfig, "a file path (" + e.getReason() + ")");
    }
    Optional<String> host =
        merged.getIsNull("host.label")
            ? Optional.of(hostname.get())
            : Optional.of(c.getString("host.label")).filter(s -> !s.isEmpty());
    Map<String, String> labels = staticLabels(merged, host.isPresent());
    Path sys = path(c, "host.sys-path");
    String cgroup = c.getString("host.cgroup-path");
    Path cgroupPath = cgroup.isEmpty() ? sys.resolve("fs/cgroup") : path(c, "host.cgroup-path");
    HostPaths paths =
        new HostPaths(path(c, "host.proc-path"), sys, path(c, "host.rootfs-path"), cgroupPath);
    int threads = c.getInt("scheduler.threads");
    if (threads < 1 || threads > 64) {
      throw new InvalidConfigException("scheduler.threads", threads, "a number from 1 to 64");
    }
    Path plugins = home.resolve(pathOf("plugins-dir", c.getString("plugins-dir")));
    return new AgentConfig(
        listen,
        maxRequests,
        landingPage,
        maxConnections,
        webConfigFile,
        host,
        labels,
        paths,
        LoggingConfig.from(PluginConfig.of("logging", merged.getConfig("logging"))),
        c.getBoolean("self-metrics.jvm"),
        threads,
        plugins,
        merged);
  }

  /** The merged section of plugin {@code id} over {@code plugins.defaults}. */
  public PluginSettings plugin(String id) {
    String path = "plugins." + id;
    Config defaults = merged.getConfig("plugins.defaults");
    Config section =
        merged.hasPath(quoted(id)) ? merged.getConfig(quoted(id)).withFallback(defaults) : defaults;
    return PluginSettings.from(id, PluginConfig.of(path, section));
  }

  static String quoted(String id) {
    return "plugins.\"" + id + "\"";
  }

  private static Path path(PluginConfig c, String key) {
    String value = c.getString(key);
    if (value.isEmpty()) {
      throw new InvalidConfigException(key, value, "a directory path");
    }
    Path p = pathOf(key, value);
    if (!Files.isDirectory(p)) {
      throw new InvalidConfigException(key, value, "an existing directory");
    }
    return p;
  }

  /** A path string, or an error naming the key (a NUL byte is not a path). */
  public static Path pathOf(String key, String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new InvalidConfigException(key, value, "a file system path");
    }
  }

  private static Map<String, String> staticLabels(Config merged, boolean hostLabel) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> e : merged.getObject("labels").entrySet()) {
      String key = "labels." + e.getKey();
      if (e.getValue().valueType() != ConfigValueType.STRING
          && e.getValue().valueType() != ConfigValueType.NUMBER
          && e.getValue().valueType() != ConfigValueType.BOOLEAN) {
        throw new InvalidConfigException(key, e.getValue().unwrapped(), "a label value (a string)");
      }
      if (!PrometheusNaming.isValidLegacyLabelName(e.getKey()) || e.getKey().startsWith("__")) {
        throw new InvalidConfigException(
            key,
            e.getValue().unwrapped(),
            "a label name of letters, digits and _ (not starting with __)");
      }
      if (e.getKey().equals("host") && hostLabel) {
        throw new InvalidConfigException(
            key, e.getValue().unwrapped(), "no static label named host: set host.label instead");
      }
      out.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
    }
    return Map.copyOf(out);
  }

  /** Where the default host label comes from; tests pass a fixed name. */
  @FunctionalInterface
  public interface HostnameSource {
    String get();
  }
}
