package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User mistakes through the real launcher: exit code 2 and exactly one line naming the key. */
class ConfigErrorsIT {

  @TempDir static Path tmp;
  static Path home;

  @BeforeEach
  void install() {
    if (home == null) {
      home = Distribution.unpack(tmp);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "wrong type          | plugins.example.interval = soon       | plugins.example.interval = \"soon\": expected a duration",
        "negative interval   | plugins.defaults.interval = -5s       | plugins.defaults.interval = \"-5s\": expected a duration of zero or more",
        "unknown plugin      | plugins.dsik.enabled = true           | plugins.dsik = \"{...}\": expected an installed plugin id (installed: ",
        "bad listen address  | web.listen-address = \"localhost\"    | web.listen-address = \"localhost\": expected host:port",
        "unknown setting     | web.port = 9100                       | web.port = 9100: expected a known setting",
        "plugin value        | plugins.example { enabled = true, value = lots } | plugins.example.value = \"lots\": expected a number",
        "syntax error        | web { listen-address =                | syntax-error.conf: 1: Expecting a value",
        "bad log format      | logging.format = xml                  | logging.format = \"xml\": expected text or json",
        "section of a number | labels = 5                            | labels = 5: expected a section labels { ... }",
        "plugin of a number  | plugins.cpu = 5                       | plugins.cpu = 5: expected a section plugins.cpu { ... }",
        "interval too short  | plugins.cpu.interval = 1ns            | plugins.cpu.interval = \"1ns\": expected a duration from 100ms to 24h",
        "fraction            | web.max-requests = 1.5                | web.max-requests = 1.5: expected a whole number",
        "missing plugins-dir | plugins-dir = \"/no/such/plugins\"   | plugins-dir = \"/no/such/plugins\": expected an existing directory",
        "missing include     | include \"no-such.conf\"             | included file ",
        "unwritable log file | logging.file = \"/no/such/m.log\"     | logging.file = \"/no/such/m.log\": expected a file in an existing, writable directory",
        "plugin duration     | plugins.docker.request-timeout = 0s   | plugins.docker.request-timeout = \"0s\": expected a duration from 1ms to 24h",
        "missing web config  | web.config-file = \"/no/such/web.yml\" | web.config-file = \"/no/such/web.yml\": /no/such/web.yml: cannot read",
        "web config not yaml map | web.config-file = \"/proc/version\" | web.config-file = \"/proc/version\": /proc/version: expected a mapping of keys at the top level",
      })
  void invalidConfigExitsTwoWithOneLine(String name, String hocon, String expected)
      throws Exception {
    Path conf = tmp.resolve(name.strip().replace(' ', '-') + ".conf");
    Files.writeString(conf, hocon);
    for (String command : new String[] {"run", "check-config"}) {
      var r = AgentProcess.run(home, Map.of(), command, "--config", conf.toString());
      assertThat(r.exitCode()).as("%s %s: %s", command, name, r.output()).isEqualTo(2);
      assertThat(r.output().lines()).as(r.output()).hasSize(1);
      assertThat(r.output()).startsWith("monitor: ").contains(expected).doesNotContain("\tat ");
    }
  }

  @Test
  void filesTypesafeWouldMisreadExitTwoWithOneLine() throws Exception {
    Path deep = Files.writeString(tmp.resolve("deep.conf"), "a = " + "{ b = ".repeat(5000));
    Path utf =
        Files.write(tmp.resolve("utf.conf"), new byte[] {'a', ' ', '=', ' ', (byte) 0xFF, '\n'});
    Map<Path, String> cases =
        Map.of(
            deep, "config file " + deep + ": 1: objects and lists nested deeper than 32 levels",
            utf, "config file " + utf + " is not valid UTF-8 at byte offset 4 (line 1)",
            tmp, "config file " + tmp + " is not a regular file");
    for (var c : cases.entrySet()) {
      for (String command : new String[] {"run", "check-config"}) {
        var r = AgentProcess.run(home, Map.of(), command, "--config", c.getKey().toString());
        assertThat(r.exitCode()).as("%s %s: %s", command, c.getKey(), r.output()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("monitor: " + c.getValue() + "\n");
      }
    }
  }

  @Test
  void missingConfigFile() {
    var r = AgentProcess.run(home, Map.of(), "--config", "/no/such/monitor.conf");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.output())
        .isEqualTo("monitor: config file /no/such/monitor.conf does not exist (--config)\n");
  }

  @Test
  void busyPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var r =
          AgentProcess.run(
              home, Map.of("MONITOR_LISTEN_ADDRESS", "127.0.0.1:" + taken.getLocalPort()));
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.output().lines().filter(l -> l.startsWith("monitor: ")).toList())
          .containsExactly(
              "monitor: web.listen-address = \"127.0.0.1:"
                  + taken.getLocalPort()
                  + "\": cannot listen: Address already in use (is another exporter running on port "
                  + taken.getLocalPort()
                  + "?)");
      assertThat(r.output()).doesNotContain("\tat ");
    }
  }

  @Test
  void environmentOverridesApply() {
    var r =
        AgentProcess.run(
            home,
            Map.of(
                "MONITOR_LISTEN_ADDRESS",
                "127.0.0.1:9555",
                "CONFIG_FORCE_plugins_example_interval",
                "42s",
                "CONFIG_FORCE_plugins_example_enabled",
                "true",
                "MONITOR_HOST_LABEL",
                "envhost"),
            "check-config");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("web.listen-address = 127.0.0.1:9555   # env MONITOR_LISTEN_ADDRESS\n")
        .contains("host.label = envhost   # env MONITOR_HOST_LABEL\n")
        .contains("plugins.example: enabled, interval 42s, timeout 10s\n")
        .contains(
            "  plugins.example.interval = 42s   # env CONFIG_FORCE_plugins_example_interval\n")
        .contains("  plugins.example.value = 42   # plugin default (example-defaults.conf in ");
  }
}
