package io.agentcollector.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.testkit.PluginJarBuilder;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.ServiceProviderExtensionFinder;

class SpiServiceFinderTest {

  private static final String COLLECTOR =
      """
      package t.svc;
      import io.agentcollector.api.Collector;
      import io.prometheus.metrics.model.snapshots.MetricSnapshots;
      public class SvcCollector implements Collector {
        public String name() { return "svc"; }
        public MetricSnapshots collect() { return MetricSnapshots.of(); }
      }""";

  @Test
  void readsTheAgentsServiceFilesOnlyNotTheOnesOfThePluginsLibraries(@TempDir Path dir) {
    PluginJarBuilder.plugin("svc")
        .viaServiceLoader()
        .collector("t.svc.SvcCollector", COLLECTOR)
        // What grpc or fabric8 jars carry: services of their own, which are no extensions of ours.
        .resource(
            "META-INF/services/java.sql.Driver",
            "# a comment\nt.svc.SvcCollector\nt.svc.NotAnExtension\n")
        .resource(
            "META-INF/services/io.agentcollector.api.container.ContainerEnricher",
            "t.svc.Enricher # trailing comment\n\n")
        .buildJar(dir);
    AgentPluginManager manager = new AgentPluginManager(dir);
    try {
      manager.loadPlugins();
      manager.startPlugins();

      assertThat(new SpiServiceFinder(manager).readPluginsStorages().get("svc"))
          .containsExactlyInAnyOrder("t.svc.SvcCollector", "t.svc.Enricher");
      assertThat(new ServiceProviderExtensionFinder(manager).readPluginsStorages().get("svc"))
          .as("PF4J's finder would try every service class")
          .contains("t.svc.NotAnExtension");
      List<Collector> found = manager.getExtensions(Collector.class, "svc");
      assertThat(found).extracting(Collector::name).containsExactly("svc");
      assertThat(manager.failures()).isEmpty();
    } finally {
      manager.stopPlugins();
      manager.unloadPlugins();
    }
  }

  @Test
  void readsServiceFilesOfDirectoriesAndJarsWithoutKeepingTheJarsOpen(@TempDir Path dir)
      throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/META-INF/services"));
    Files.writeString(classes.resolve(Collector.class.getName()), "t.dir.DirCollector\n");
    Path lib = dir.resolve("lib.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib))) {
      jar.putNextEntry(new JarEntry("META-INF/services/" + Collector.class.getName()));
      jar.write("t.jar.JarCollector\n".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.resolve("classes").toUri().toURL(), lib.toUri().toURL()}, null)) {
      assertThat(SpiServiceFinder.declared(loader))
          .containsExactly("t.dir.DirCollector", "t.jar.JarCollector");
      // An open jar keeps its central directory on the heap for the class loader's life.
      assertThat(openFiles()).as("files this process holds open").doesNotContain(lib.toString());
    }
  }

  private static List<String> openFiles() throws Exception {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path fd : fds) {
        try {
          out.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return out;
  }
}
