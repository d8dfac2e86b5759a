package io.agentcollector.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigLoader;
import io.agentcollector.runtime.config.ConfigLoader.InstalledPlugin;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-config's lines: every effective setting and where it comes from. */
class EffectiveSettingsTest {

  @TempDir Path home;

  private AgentConfig load(String hocon, Map<String, String> env) throws Exception {
    Path jar = home.resolve("plugin-disk-1.0.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("disk-defaults.conf"));
      out.write(
          "# disk plugin\nmount-points-exclude = \"^/(dev|proc)($|/)\"\nmount-timeout = 5s\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    var diskDefaults =
        ConfigFactory.parseURL(
            new URL("jar:" + jar.toUri() + "!/disk-defaults.conf"),
            ConfigParseOptions.defaults().setAllowMissing(false));
    Path dir = Files.createDirectories(home.resolve("plugins/net/classes"));
    Files.writeString(dir.resolve("net-defaults.conf"), "device-exclude = \"^lo$\"\n");
    var netDefaults = ConfigFactory.parseFile(dir.resolve("net-defaults.conf").toFile());
    Map<String, InstalledPlugin> plugins =
        Map.of(
            "disk", new InstalledPlugin("disk", List.of("diskstats"), diskDefaults),
            "net", new InstalledPlugin("net", List.of("netdev"), netDefaults),
            "cpu", new InstalledPlugin("cpu", List.of("cpu"), ConfigFactory.empty()));
    Path file = home.resolve("monitor.conf");
    Files.writeString(file, hocon);
    ConfigLoader loader = new ConfigLoader(home, env, () -> "test-host");
    return loader.load(loader.userInput(file, true), plugins);
  }

  @Test
  void eachSettingNamesItsSource() throws Exception {
    AgentConfig c =
        load(
            """
        web.max-requests = 4
        plugins.disk {
          interval = 15s
        }
        plugins.cpu.enabled = false
        """,
            Map.of("MONITOR_LISTEN_ADDRESS", "127.0.0.1:9555"));
    String file = home.resolve("monitor.conf").toString();

    assertThat(EffectiveSettings.agent(c))
        .contains("web.listen-address = 127.0.0.1:9555   # env MONITOR_LISTEN_ADDRESS")
        .contains("web.max-requests = 4   # file " + file + ":1")
        .contains("web.landing-page = summary   # runtime default")
        .contains("host.label = test-host (the machine's host name)   # runtime default")
        .contains("labels = {}   # runtime default")
        .noneMatch(l -> l.startsWith("java.") || l.startsWith("user.") || l.startsWith("plugins."))
        .contains("plugins-dir = plugins   # runtime default");

    assertThat(EffectiveSettings.plugin(c, "disk"))
        .containsExactly(
            "plugins.disk: enabled, interval 15s, timeout 10s",
            "  plugins.disk.collectors = {}   # runtime default",
            "  plugins.disk.enabled = true   # runtime default",
            "  plugins.disk.interval = 15s   # file " + file + ":3",
            "  plugins.disk.max-series = 200000   # runtime default",
            "  plugins.disk.mount-points-exclude = ^/(dev|proc)($|/)   # plugin default (disk-defaults.conf in plugin-disk-1.0.jar)",
            "  plugins.disk.mount-timeout = 5s   # plugin default (disk-defaults.conf in plugin-disk-1.0.jar)",
            "  plugins.disk.timeout = 10s   # runtime default");
    assertThat(EffectiveSettings.plugin(c, "net"))
        .contains(
            "  plugins.net.device-exclude = ^lo$   # plugin default (net-defaults.conf in "
                + home.resolve("plugins/net/classes")
                + "/)");
    assertThat(EffectiveSettings.plugin(c, "cpu")).containsExactly("plugins.cpu: disabled");
  }

  @Test
  void sharedDefaultsFromTheFileShowTheirLine() throws Exception {
    AgentConfig c = load("plugins.defaults.interval = 30s\n", Map.of("MONITOR_LOG_LEVEL", "debug"));
    assertThat(EffectiveSettings.plugin(c, "net"))
        .contains("  plugins.net.interval = 30s   # file " + home.resolve("monitor.conf") + ":1");
    assertThat(EffectiveSettings.agent(c))
        .contains("logging.level = debug   # env MONITOR_LOG_LEVEL");
  }

  @Test
  void configForceVariablesAreNamedAsTypesafeSpellsThem() {
    assertThat(EffectiveSettings.forceName("plugins.k8s-labels.resync_interval"))
        .isEqualTo("plugins_k8s__labels_resync___interval");
  }
}
