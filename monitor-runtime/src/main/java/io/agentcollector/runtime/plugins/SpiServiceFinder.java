package io.agentcollector.runtime.plugins;

import io.agentcollector.api.Collector;
import io.agentcollector.api.Failures;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerRuntime;
import io.agentcollector.api.container.ContainerStatsReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.ServiceProviderExtensionFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extensions declared in {@code META-INF/services} files of the agent's SPI only. PF4J's own finder
 * takes every service file on a plugin's class path as a list of candidate extensions and loads
 * each class to check it: grpc's and fabric8's libraries list some 1 000 of their own, which cost
 * ~5 MB of metaspace even with the plugin disabled.
 */
final class SpiServiceFinder extends ServiceProviderExtensionFinder {

  private static final Logger log = LoggerFactory.getLogger(SpiServiceFinder.class);

  static final List<String> SPI =
      List.of(
          Collector.class.getName(),
          ContainerRuntime.class.getName(),
          ContainerStatsReader.class.getName(),
          ContainerEnricher.class.getName());

  SpiServiceFinder(PluginManager manager) {
    super(manager);
  }

  @Override
  public Map<String, Set<String>> readClasspathStorages() {
    // The agent's own class path declares no plugin extensions.
    return new LinkedHashMap<>();
  }

  @Override
  public Map<String, Set<String>> readPluginsStorages() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (PluginWrapper plugin : pluginManager.getPlugins()) {
      try {
        out.put(plugin.getPluginId(), declared(plugin.getPluginClassLoader()));
      } catch (IOException e) {
        log.error(
            "plugin {}: cannot read its META-INF/services: {}",
            plugin.getPluginPath(),
            Failures.summary(e));
        out.put(plugin.getPluginId(), Set.of());
      }
    }
    return out;
  }

  /**
   * Class names in the plugin's own SPI service files (not its parent's). Its jars are opened, read
   * and closed here rather than through the class loader, which would keep every jar of the plugin
   * open for good: each open jar holds its central directory on the heap, ~4 MB for the docker,
   * containerd and k8s-labels plugins' ~100 library jars, even while their daemon is absent and
   * none of their classes is ever loaded.
   */
  static Set<String> declared(ClassLoader loader) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    if (!(loader instanceof URLClassLoader own)) {
      for (String spi : SPI) {
        Enumeration<URL> urls = loader.getResources("META-INF/services/" + spi);
        while (urls.hasMoreElements()) {
          read(urls.nextElement().openStream(), names);
        }
      }
      return names;
    }
    for (URL url : own.getURLs()) {
      Path path = path(url);
      if (path == null) {
        continue;
      }
      if (Files.isDirectory(path)) {
        for (String spi : SPI) {
          Path file = path.resolve("META-INF/services/" + spi);
          if (Files.isRegularFile(file)) {
            read(Files.newInputStream(file), names);
          }
        }
      } else if (Files.isRegularFile(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          for (String spi : SPI) {
            ZipEntry e = jar.getEntry("META-INF/services/" + spi);
            if (e != null) {
              read(jar.getInputStream(e), names);
            }
          }
        }
      }
    }
    return names;
  }

  private static Path path(URL url) {
    try {
      return "file".equals(url.getProtocol()) ? Path.of(url.toURI()) : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void read(InputStream in, Set<String> names) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int hash = line.indexOf('#'); // ServiceLoader's comment syntax
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
  }
}
