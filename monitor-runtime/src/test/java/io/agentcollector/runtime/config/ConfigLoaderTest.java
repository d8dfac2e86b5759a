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
          new InstalledPlugin(
              "cpu", List.of("cpu", "loadavg"), ConfigFactory.parseString("extra-metrics = true")),
          "example",
          new InstalledPlugin(
              "example",
              List.of("example"),
              ConfigFactory.parseString("enabled = false\nvalue = 42")));

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
    assertThat(cpu.maxSeries()).isEqualTo(200_000);
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
            plugins.defaults.max-series = 5000
            plugins.cpu { timeout = 2s, extra-metrics = false, collectors { loadavg = false } }
            plugins.example.max-series = 10
            plugins.example.enabled = true
            """,
            Map.of());
    assertThat(c.hostLabel()).isEmpty();
    assertThat(c.staticLabels()).containsEntry("env", "prod");
    PluginSettings cpu = c.plugin("cpu");
    assertThat(cpu.interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(cpu.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(cpu.maxSeries()).isEqualTo(5000);
    assertThat(c.plugin("example").maxSeries()).isEqualTo(10);
    assertThat(c.plugin("example").budget().max()).isEqualTo(10);
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
            Map.of(
                "MONITOR_LISTEN_ADDRESS",
                "127.0.0.1:9200",
                "MONITOR_HOST_LABEL",
                "edge-7",
                "MONITOR_PROC_PATH",
                home.toString()));
    assertThat(c.listenAddress()).isEqualTo(new ListenAddress("127.0.0.1", 9200));
    assertThat(c.hostLabel()).contains("edge-7");
    assertThat(c.hostPaths().proc()).isEqualTo(home);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "wrong type",
            "plugins.cpu.interval = soon",
            "plugins.cpu.interval = \"soon\": expected a duration such as 5s or 250ms"),
        Arguments.of(
            "negative interval",
            "plugins.cpu.interval = -5s",
            "plugins.cpu.interval = \"-5s\": expected a duration of zero or more"),
        Arguments.of(
            "zero timeout",
            "plugins.defaults.timeout = 0s",
            "plugins.defaults.timeout = \"0s\": expected a duration from 1ms to 24h"),
        Arguments.of(
            "zero series budget",
            "plugins.defaults.max-series = 0",
            "plugins.defaults.max-series = 0: expected a number of series of 1 or more"),
        Arguments.of(
            "series budget not a number",
            "plugins.cpu.max-series = lots",
            "plugins.cpu.max-series = \"lots\": expected a whole number"),
        Arguments.of(
            "unknown plugin",
            "plugins.dsik.enabled = true",
            "plugins.dsik = \"{...}\": expected an installed plugin id (installed: cpu, example)"),
        Arguments.of(
            "bad listen address",
            "web.listen-address = \"localhost\"",
            "web.listen-address = \"localhost\": expected host:port"),
        Arguments.of(
            "port out of range",
            "web.listen-address = \":99999\"",
            "web.listen-address = \":99999\": expected a port number from 0 to 65535"),
        Arguments.of(
            "unknown setting",
            "web.listen-adress = \":9100\"",
            "web.listen-adress = \":9100\": expected a known setting"),
        Arguments.of(
            "unknown plugin setting",
            "plugins.cpu.devices = x",
            "plugins.cpu.devices = \"x\": expected a setting of plugin cpu: [collectors, enabled, extra-metrics, interval, max-series, timeout]"),
        Arguments.of(
            "unknown collector",
            "plugins.cpu.collectors.diskstats = true",
            "plugins.cpu.collectors.diskstats = true: expected a collector of plugin cpu (cpu, loadavg)"),
        Arguments.of(
            "collector switch not boolean",
            "plugins.cpu.collectors.loadavg = maybe",
            "plugins.cpu.collectors.loadavg = \"maybe\": expected true or false"),
        Arguments.of(
            "bad log level",
            "logging.level = loud",
            "logging.level = \"loud\": expected one of trace, debug, info, warn, error"),
        Arguments.of(
            "bad label name",
            "labels { \"env-name\" = prod }",
            "labels.env-name = \"prod\": expected a label name"),
        Arguments.of(
            "missing directory",
            "host.proc-path = \"/no/such/dir\"",
            "host.proc-path = \"/no/such/dir\": expected an existing directory"),
        Arguments.of(
            "threads out of range",
            "scheduler.threads = 0",
            "scheduler.threads = 0: expected a number from 1 to 64"),
        Arguments.of(
            "section set to a number",
            "labels = 5",
            "labels = 5: expected a section labels { ... }"),
        Arguments.of(
            "section set to a list", "web = [1]", "web = [1]: expected a section web { ... }"),
        Arguments.of(
            "plugins set to a number",
            "plugins = 5",
            "plugins = 5: expected a section plugins { ... }"),
        Arguments.of(
            "plugin set to a number",
            "plugins.cpu = 5",
            "plugins.cpu = 5: expected a section plugins.cpu { ... }"),
        Arguments.of(
            "defaults set to a string",
            "plugins.defaults = x",
            "plugins.defaults = \"x\": expected a section plugins.defaults { ... }"),
        Arguments.of(
            "collectors set to a number",
            "plugins.cpu.collectors = 5",
            "plugins.cpu.collectors = 5: expected a section collectors { <name> = true|false }"),
        Arguments.of(
            "list for a string",
            "logging.level = [info]",
            "logging.level = [info]: expected a string"),
        Arguments.of(
            "interval too short",
            "plugins.cpu.interval = 1ns",
            "plugins.cpu.interval = \"1ns\": expected a duration from 100ms to 24h"),
        Arguments.of(
            "interval too long",
            "plugins.defaults.interval = 25h",
            "plugins.defaults.interval = \"25h\": expected a duration from 100ms to 24h"),
        Arguments.of(
            "interval zero",
            "plugins.cpu.interval = 0s",
            "plugins.cpu.interval = \"0s\": expected a duration from 100ms to 24h"),
        Arguments.of(
            "duration overflow",
            "plugins.cpu.timeout = 9999999999d",
            "plugins.cpu.timeout = \"9999999999d\": expected a duration"),
        Arguments.of(
            "fraction for a whole number",
            "web.max-requests = 1.5",
            "web.max-requests = 1.5: expected a whole number"),
        Arguments.of(
            "too many threads",
            "web.max-requests = 100000",
            "web.max-requests = 100000: expected a number from 1 to 1000"),
        Arguments.of(
            "wraps around int",
            "scheduler.threads = 4294967297",
            "scheduler.threads = 4294967297: expected a whole number below 2^31"),
        Arguments.of(
            "missing substitution",
            "host.label = ${no-such-key}",
            "monitor.conf: 1: Could not resolve substitution to a value: ${no-such-key}"),
        Arguments.of(
            "log file in a missing directory",
            "logging.file = \"/no/such/dir/m.log\"",
            "logging.file = \"/no/such/dir/m.log\": expected a file in an existing, writable directory"),
        Arguments.of(
            "log file is a directory",
            "logging.file = \"/tmp\"",
            "logging.file = \"/tmp\": expected a file, not a directory"),
        Arguments.of(
            "NUL in a path",
            "host.proc-path = \"/pr\\u0000oc\"",
            "host.proc-path = \"/pr\u0000oc\": expected a file system path"),
        Arguments.of("missing include", "include \"other.conf\"", "included file "),
        Arguments.of(
            "deep brackets",
            "a = " + "{b = ".repeat(5000),
            "monitor.conf: 1: objects and lists nested deeper than 32 levels"),
        Arguments.of(
            "deep dotted key",
            "a" + ".b".repeat(5000) + " = 1",
            "monitor.conf: nested too deeply"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidConfigNamesTheKeyTheValueAndTheExpectation(
      String name, String hocon, String message) {
    assertThatThrownBy(() -> load(hocon, Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("\n")
        .as("a value from the file has no origin suffix")
        .hasMessageNotContaining("(environment variable");
  }

  @Test
  void substitutionsInTheFileResolve() throws IOException {
    // As a DaemonSet's config would do with NODE_NAME: an optional environment substitution.
    AgentConfig c =
        load(
            """
        host.label = "from-file"
        host.label = ${?AGENT_COLLECTOR_TEST_SURELY_UNSET}
        labels { site = ${host.label} }
        """,
            Map.of());
    assertThat(c.hostLabel()).hasValue("from-file");
    assertThat(c.staticLabels()).containsEntry("site", "from-file");
    // A reference to one of the agent's defaults the file does not set.
    assertThat(load("labels { root = ${host.rootfs-path} }", Map.of()).staticLabels())
        .containsEntry("root", "/");
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
  void anEnvironmentValueNamesItsVariableAFileValueDoesNot() {
    assertThatThrownBy(() -> load("", Map.of("CONFIG_FORCE_web_max__requests", "x")))
        .hasMessage(
            "web.max-requests = \"x\": expected a whole number"
                + " (environment variable CONFIG_FORCE_web_max__requests)");
    assertThatThrownBy(() -> load("", Map.of("MONITOR_LOG_LEVEL", "loud")))
        .hasMessage(
            "logging.level = \"loud\": expected one of trace, debug, info, warn, error"
                + " (environment variable MONITOR_LOG_LEVEL)");
    assertThatThrownBy(() -> load("web.max-requests = x", Map.of()))
        .hasMessage("web.max-requests = \"x\": expected a whole number");
    assertThatThrownBy(() -> load("", Map.of("CONFIG_FORCE_labels", "x")))
        .hasMessage(
            "labels = \"x\": expected a section labels { ... } (environment variable CONFIG_FORCE_labels)");
  }

  @Test
  void environmentValuesAreStringsAndStillValid() throws IOException {
    AgentConfig c =
        load(
            "",
            Map.of(
                "CONFIG_FORCE_web_max__requests",
                "12",
                "CONFIG_FORCE_plugins_cpu_interval",
                "250ms",
                "MONITOR_LISTEN_ADDRESS",
                "127.0.0.1:9100"));
    assertThat(c.maxRequests()).isEqualTo(12);
    assertThat(c.plugin("cpu").interval()).isEqualTo(Duration.ofMillis(250));
    assertThat(EnvOverrides.forcedPath("CONFIG_FORCE_plugins_k8s__labels_a___b"))
        .isEqualTo("plugins.k8s-labels.a_b");
    assertThatThrownBy(() -> load("", Map.of("CONFIG_FORCE_web____x", "1")))
        .hasMessageStartingWith(
            "environment variable CONFIG_FORCE_web____x: more than 3 underscores");
  }

  @Test
  void includedFilesMustExistAndResolveNextToTheIncludingFile() throws IOException {
    Files.writeString(home.resolve("labels.conf"), "labels { team = core }");
    assertThat(load("include \"labels.conf\"", Map.of()).staticLabels())
        .containsEntry("team", "core");
    assertThatThrownBy(() -> load("include \"nope.conf\"", Map.of()))
        .hasMessage("included file " + home.resolve("nope.conf") + " does not exist");
    Files.write(home.resolve("bad.conf"), new byte[] {'a', '=', (byte) 0xC3, '\n'});
    assertThatThrownBy(() -> load("include file(\"" + home.resolve("bad.conf") + "\")", Map.of()))
        .hasMessage(
            "included file "
                + home.resolve("bad.conf")
                + " is not valid UTF-8 at byte offset 2 (line 1)");
  }

  @Test
  void listenAddressForms() {
    assertThat(ListenAddress.parse("k", "[::1]:9100")).isEqualTo(new ListenAddress("::1", 9100));
    assertThat(ListenAddress.parse("k", "0.0.0.0:0").port()).isZero();
    assertThatThrownBy(() -> ListenAddress.parse("k", "::1:9100"))
        .hasMessageContaining("in brackets");
  }
}
