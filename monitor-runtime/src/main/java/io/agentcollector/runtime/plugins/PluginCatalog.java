package io.agentcollector.runtime.plugins;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.agentcollector.api.Collector;
import io.agentcollector.api.Failures;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.runtime.config.ConfigLoader.InstalledPlugin;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins found in the plugins directory: their collector classes with their registration,
 * their container parts' classes (each start creates its own instances, see {@link
 * PluginExtension}) and shipped config defaults. A plugin that cannot be loaded is left out with
 * one ERROR line naming its file and the reason; the others load.
 */
public final class PluginCatalog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PluginCatalog.class);

  private final AgentPluginManager manager;
  private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();

  private PluginCatalog(AgentPluginManager manager) {
    this.manager = manager;
  }

  public static PluginCatalog load(Path pluginsDir) {
    AgentPluginManager manager = new AgentPluginManager(pluginsDir);
    PluginCatalog catalog = new PluginCatalog(manager);
    manager.loadPlugins();
    manager.startPlugins();
    for (PluginWrapper w : manager.getPlugins()) {
      catalog.add(w);
    }
    manager
        .failures()
        .forEach((file, reason) -> log.error("plugin {} not loaded: {}", file, reason));
    return catalog;
  }

  private void add(PluginWrapper w) {
    if (w.getPluginState() != PluginState.STARTED) {
      if (w.getPluginState() == PluginState.FAILED && w.getFailedException() != null) {
        manager.recordFailure(w.getPluginPath(), Failures.summary(w.getFailedException()));
      }
      return;
    }
    String id = w.getPluginId();
    try {
      List<CollectorType> collectors = new ArrayList<>();
      for (Class<? extends Collector> type : manager.getExtensionClasses(Collector.class, id)) {
        collectors.add(CollectorType.of(type));
      }
      ContainerParts parts =
          new ContainerParts(
              parts(ContainerRuntime.class, id, ContainerRuntime::name),
              parts(ContainerStatsReader.class, id, ContainerStatsReader::name),
              parts(ContainerEnricher.class, id, ContainerEnricher::name));
      Config defaults = defaults(w);
      plugins.put(
          id,
          new LoadedPlugin(
              id, w.getDescriptor().getVersion(), w.getPluginPath(), collectors, parts, defaults));
    } catch (Exception | LinkageError e) {
      manager.recordFailure(w.getPluginPath(), Failures.summary(e));
    }
  }

  private <T> List<PluginExtension<T>> parts(Class<T> point, String id, Function<T, String> name)
      throws Exception {
    List<PluginExtension<T>> out = new ArrayList<>();
    for (Class<? extends T> type : manager.getExtensionClasses(point, id)) {
      out.add(PluginExtension.asking(type, name));
    }
    return out;
  }

  /** {@code <id>-defaults.conf} from the plugin's own jar, or empty. */
  private static Config defaults(PluginWrapper w) {
    String name = w.getPluginId() + "-defaults.conf";
    URL url = w.getPluginClassLoader().getResource(name);
    if (url == null) {
      return ConfigFactory.empty();
    }
    try {
      return ConfigFactory.parseURL(url, ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new IllegalStateException("its " + name + " does not parse: " + e.getMessage(), e);
    }
  }

  public Map<String, LoadedPlugin> plugins() {
    return Map.copyOf(plugins);
  }

  /** Plugins in load order. */
  public List<LoadedPlugin> list() {
    return List.copyOf(plugins.values());
  }

  /** Files that failed to load, with the reason. */
  public Map<Path, String> failures() {
    return manager.failures();
  }

  /** What the config loader needs to validate plugin sections. */
  public Map<String, InstalledPlugin> installed() {
    Map<String, InstalledPlugin> out = new LinkedHashMap<>();
    for (LoadedPlugin p : plugins.values()) {
      out.put(p.id(), new InstalledPlugin(p.id(), p.collectorNames(), p.defaults()));
    }
    out.put(
        CONTAINERS,
        new InstalledPlugin(
            CONTAINERS,
            List.of(CONTAINERS),
            ConfigFactory.parseResources(
                PluginCatalog.class.getClassLoader(), CONTAINERS + "-defaults.conf")));
    return out;
  }

  @Override
  public void close() {
    manager.stopPlugins();
  }

  /** Id of the built-in plugin that owns every container_* family. */
  public static final String CONTAINERS = "containers";

  /** A plugin's contributions to container metrics. */
  public record ContainerParts(
      List<PluginExtension<ContainerRuntime>> runtimes,
      List<PluginExtension<ContainerStatsReader>> readers,
      List<PluginExtension<ContainerEnricher>> enrichers) {
    public ContainerParts {
      runtimes = List.copyOf(runtimes);
      readers = List.copyOf(readers);
      enrichers = List.copyOf(enrichers);
    }
  }

  /** One loaded plugin. */
  public record LoadedPlugin(
      String id,
      String version,
      Path file,
      List<CollectorType> collectors,
      ContainerParts containerParts,
      Config defaults) {

    public List<String> collectorNames() {
      return collectors.stream().map(CollectorType::name).toList();
    }
  }
}
