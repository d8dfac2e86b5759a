package io.agentcollector.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.agentcollector.runtime.config.ConfigLoader.InstalledPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

  @TempDir Path home;

  private static final Map<String, InstalledPlugin> PLUGINS =
      Map.of(
          "cpu",
          new InstalledPlugin("cpu", List.of("cpu", "loadavg"), ConfigFactory.parseString("extra-metrics = true")),
          "example",
          new InstalledPlugin("example", List.of("example"), ConfigFactory.parseString("enabled = false\nvalue = 42")));

  private AgentConfig load(String hocon, Map<String, String> env) throws IOException {
    Path file = home.resolve("monitor.conf");
    Files.writeString(file, hocon);
    ConfigLoader loader = new ConfigLoader(home, env, () -> "test-host");
    return loader.load(loader.userInput(file, true), PLUGINS);
  }

  @Test
  void defaults() throws IOException {
    AgentConfig c = load("", Map.of());
    assertThat(c.listenAddress()).isEqualTo(new ListenAddress("", 9100));
    assertThat(c.hostLabel()).contains("test-host");
    assertThat(c.hostPaths().proc()).isEqualTo(Path.of("/proc"));
    assertThat(c.hostPaths().cgroup()).isEqualTo(Path.of("/sys/fs/cgroup"));
    assertThat(c.pluginsDir()).isEqualTo(home.resolve("plugins"));
    PluginSettings cpu = c.plugin("cpu");
    assertThat(cpu.enabled()).isTrue();
    assertThat(cpu.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cpu.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cpu.section().getBoolean("extra-metrics")).isTrue();
    assertThat(c.plugin("example").enabled()).as("the plugin's shipped default").isFalse();
  }

  @Test
  void userValuesOverridePluginDefaultsAndGlobalDefaults() throws IOException {
    AgentConfig c =
        load(
            """
            host.label = ""
            labels { env = prod }
            plugins.defaults.interval = 15s
            plugins.cpu { timeout = 2s, extra-metrics = false, collectors { loadavg = false } }
            plugins.example.enabled = true
            """,
            Map.of());
    assertThat(c.hostLabel()).isEmpty();
    assertThat(c.staticLabels()).containsEntry("env", "prod");
    PluginSettings cpu = c.plugin("cpu");
    assertThat(cpu.interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(cpu.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(cpu.section().getBoolean("extra-metrics")).isFalse();
    assertThat(cpu.collectorEnabled("loadavg", true)).isFalse();
    assertThat(cpu.collectorEnabled("cpu", true)).isTrue();
    assertThat(c.plugin("example").enabled()).isTrue();
  }

  @Test
  void environmentOverridesTheFile() throws IOException {
    AgentConfig c =
        load(
            "web.listen-address = \":9100\"",
            Map.of("MONITOR_LISTEN_ADDRESS", "127.0.0.1:9200", "MONITOR_HOST_LABEL", "edge-7",
                "MONITOR_PROC_PATH", home.toString()));
    assertThat(c.listenAddress()).isEqualTo(new ListenAddress("127.0.0.1", 9200));
    assertThat(c.hostLabel()).contains("edge-7");
    assertThat(c.hostPaths().proc()).isEqualTo(home);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("wrong type", "plugins.cpu.interval = soon",
            "plugins.cpu.interval = \"soon\": expected a duration such as 5s or 250ms"),
        Arguments.of("negative interval", "plugins.cpu.interval = -5s",
            "plugins.cpu.interval = \"-5s\": expected a duration of zero or more"),
        Arguments.of("zero timeout", "plugins.defaults.timeout = 0s",
            "plugins.defaults.timeout = \"0s\": expected a duration from 1ms to 24h"),
        Arguments.of("unknown plugin", "plugins.dsik.enabled = true",
            "plugins.dsik = \"{...}\": expected an installed plugin id (installed: cpu, example)"),
        Arguments.of("bad listen address", "web.listen-address = \"localhost\"",
            "web.listen-address = \"localhost\": expected host:port"),
        Arguments.of("port out of range", "web.listen-address = \":99999\"",
            "web.listen-address = \":99999\": expected a port number from 0 to 65535"),
        Arguments.of("unknown setting", "web.listen-adress = \":9100\"",
            "web.listen-adress = \":9100\": expected a known setting"),
        Arguments.of("unknown plugin setting", "plugins.cpu.devices = x",
            "plugins.cpu.devices = \"x\": expected a setting of plugin cpu: [collectors, enabled, extra-metrics, interval, timeout]"),
        Arguments.of("unknown collector", "plugins.cpu.collectors.diskstats = true",
            "plugins.cpu.collectors.diskstats = true: expected a collector of plugin cpu (cpu, loadavg)"),
        Arguments.of("collector switch not boolean", "plugins.cpu.collectors.loadavg = maybe",
            "plugins.cpu.collectors.loadavg = \"maybe\": expected true or false"),
        Arguments.of("bad log level", "logging.level = loud",
            "logging.level = \"loud\": expected one of trace, debug, info, warn, error"),
        Arguments.of("bad label name", "labels { \"env-name\" = prod }",
            "labels.env-name = \"prod\": expected a label name"),
        Arguments.of("missing directory", "host.proc-path = \"/no/such/dir\"",
            "host.proc-path = \"/no/such/dir\": expected an existing directory"),
        Arguments.of("threads out of range", "scheduler.threads = 0",
            "scheduler.threads = 0: expected a number from 1 to 64"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidConfigNamesTheKeyTheValueAndTheExpectation(String name, String hocon, String message) {
    assertThatThrownBy(() -> load(hocon, Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
  }

  @Test
  void substitutionsInTheFileResolve() throws IOException {
    // As a DaemonSet's config would do with NODE_NAME: an optional environment substitution.
    AgentConfig c = load("""
        host.label = "from-file"
        host.label = ${?AGENT_COLLECTOR_TEST_SURELY_UNSET}
        labels { site = ${host.label} }
        """, Map.of());
    assertThat(c.hostLabel()).hasValue("from-file");
    assertThat(c.staticLabels()).containsEntry("site", "from-file");
    // A reference to one of the agent's defaults the file does not set.
    assertThat(load("labels { root = ${host.rootfs-path} }", Map.of()).staticLabels()).containsEntry("root", "/");
  }

  @Test
  void aSectionThatDisablesAnAbsentPluginIsAccepted() throws IOException {
    assertThat(load("plugins.docker.enabled = false", Map.of()).plugin("cpu").enabled()).isTrue();
  }

  @Test
  void syntaxErrorsAndMissingFilesNameTheFile() throws IOException {
    assertThatThrownBy(() -> load("web { listen-address = ", Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("monitor.conf");
    ConfigLoader loader = new ConfigLoader(home, Map.of(), () -> "h");
    assertThatThrownBy(() -> loader.userInput(home.resolve("nope.conf"), true))
        .hasMessage("config file " + home.resolve("nope.conf") + " does not exist (--config)");
  }

  @Test
  void listenAddressForms() {
    assertThat(ListenAddress.parse("k", "[::1]:9100")).isEqualTo(new ListenAddress("::1", 9100));
    assertThat(ListenAddress.parse("k", "0.0.0.0:0").port()).isZero();
    assertThatThrownBy(() -> ListenAddress.parse("k", "::1:9100")).hasMessageContaining("in brackets");
  }
}
