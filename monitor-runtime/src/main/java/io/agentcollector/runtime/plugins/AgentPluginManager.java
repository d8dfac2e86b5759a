package io.agentcollector.runtime.plugins;

import io.agentcollector.api.ApiVersion;
import io.agentcollector.api.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pf4j.BasePluginLoader;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultExtensionFinder;
import org.pf4j.DefaultPluginClasspath;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager with the agent's rules: shared packages parent-first, collectors found by the
 * {@code @Extension} index or {@code META-INF/services}, one failure record per plugin file that
 * could not be loaded (instead of PF4J's stack traces), {@code Plugin-Requires} as the oldest API
 * version the plugin runs on, and a {@code stopPlugins()} that stops every plugin (pf4j 3.15.0
 * skips some, pf4j issue #656).
 */
public final class AgentPluginManager extends DefaultPluginManager {

  private static final ClassLoader PARENT = AgentPluginManager.class.getClassLoader();

  private final Map<Path, String> failures = new ConcurrentHashMap<>();

  public AgentPluginManager(Path pluginsRoot) {
    super(pluginsRoot);
    setSystemVersion(ApiVersion.get());
    // A bare version in Plugin-Requires is the oldest API the plugin runs on, not the only one
    // (PF4J's default, stated here because the agent relies on it): the agent keeps every older
    // form of the SPI working, so a plugin built for 0.1.0 runs on 0.2.0; one that needs a newer
    // API is refused in isPluginValid. An expression (">=0.1.0 & <0.3.0") is taken as written.
    setExactVersionAllowed(false);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    // Never development mode, whatever pf4j.mode says: the distribution layout is the only one.
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected ExtensionFinder createExtensionFinder() {
    DefaultExtensionFinder finder = new DefaultExtensionFinder(this);
    finder.add(new SpiServiceFinder(this));
    return finder;
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new CompoundPluginLoader()
        .add(
            new JarPluginLoader(this) {
              @Override
              protected PluginClassLoader createPluginClassLoader(
                  Path pluginPath, PluginDescriptor descriptor) {
                return new ParentFirstClassLoader(pluginManager, descriptor, PARENT);
              }
            })
        .add(
            new BasePluginLoader(this, new DefaultPluginClasspath()) {
              @Override
              protected PluginClassLoader createPluginClassLoader(
                  Path pluginPath, PluginDescriptor descriptor) {
                return new ParentFirstClassLoader(pluginManager, descriptor, PARENT);
              }
            });
  }

  /** Loads every plugin it can; each file that fails is recorded with a one-line reason. */
  @Override
  public void loadPlugins() {
    for (Path candidate : candidates()) {
      try {
        loadPluginFromPath(candidate);
      } catch (Exception | LinkageError e) {
        failures.put(candidate, Failures.summary(e));
      }
    }
    try {
      resolvePlugins();
    } catch (Exception e) {
      failures.put(getPluginsRoot(), "plugins could not be resolved: " + Failures.summary(e));
    }
  }

  @Override
  protected boolean isPluginValid(PluginWrapper plugin) {
    boolean valid = super.isPluginValid(plugin);
    if (!valid) {
      failures.put(
          plugin.getPluginPath(),
          "plugin "
              + plugin.getPluginId()
              + " requires agent API "
              + plugin.getDescriptor().getRequires()
              + ", this agent provides "
              + getSystemVersion());
    }
    return valid;
  }

  @Override
  public void stopPlugins() {
    List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        stopPlugin(started.get(i).getPluginId());
      } catch (RuntimeException e) {
        // Shutting down: nothing left to protect.
      }
    }
  }

  /** Plugin files that could not be loaded, with the reason. */
  public Map<Path, String> failures() {
    return Map.copyOf(failures);
  }

  /** Records a failure found after loading (e.g. the plugin's collectors could not be created). */
  public void recordFailure(Path pluginPath, String reason) {
    failures.put(pluginPath, reason);
  }

  /**
   * Jar files and directories in the plugins directory. Zips are not expanded here: PF4J would
   * write next to them, and the install directory may be read-only. A zip is reported instead.
   */
  private List<Path> candidates() {
    Path root = getPluginsRoot();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(root)) {
      for (Path p : entries.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        if (Files.isDirectory(p) || name.endsWith(".jar")) {
          out.add(p);
        } else if (name.endsWith(".zip")) {
          failures.put(
              p, "zip plugins are not loaded: unpack it into " + root + "/" + stem(name) + "/");
        }
      }
    } catch (IOException e) {
      failures.put(root, "cannot list plugins directory: " + Failures.summary(e));
    }
    return out;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
