package io.agentcollector.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.runtime.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every command checks before it does anything: the plugins directory, the listen host. */
class SetupTest {

  @TempDir Path home;

  private Setup load(String hocon, Map<String, String> env) throws IOException {
    Path file = Files.writeString(home.resolve("monitor.conf"), hocon);
    return Setup.load(home, env, file, ConfigMutationTest::resolve);
  }

  @Test
  void aPluginsDirectoryThatDoesNotExistIsAnError() throws IOException {
    assertThatThrownBy(() -> load("", Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            "plugins-dir = \"plugins\": expected an existing directory ("
                + home.resolve("plugins")
                + " is not one)");
    assertThatThrownBy(() -> load("", Map.of("MONITOR_PLUGINS_DIR", "/no/such")))
        .hasMessage(
            "plugins-dir = \"/no/such\": expected an existing directory (/no/such is not one)"
                + " (environment variable MONITOR_PLUGINS_DIR)");
    assertThatThrownBy(() -> load("plugins-dir = [a]", Map.of()))
        .hasMessage("plugins-dir = [a]: expected a string");
    Files.createDirectories(home.resolve("plugins"));
    try (var catalog = load("", Map.of()).catalog()) {
      assertThat(catalog.list()).isEmpty();
    }
  }

  @Test
  void aChainOfSubstitutionsTooLongToResolveIsOneError() throws Exception {
    Files.createDirectories(home.resolve("plugins"));
    StringBuilder chain = new StringBuilder("labels { x = ${k0} }\n");
    for (int i = 0; i < 20000; i++) {
      chain.append('k').append(i).append(" = ${k").append(i + 1).append("}\n");
    }
    chain.append("k20000 = 1\n");
    Throwable[] thrown = new Throwable[1];
    // The launcher's stack size (-Xss256k in bin/monitor), where typesafe's resolve overflowed.
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                load(chain.toString(), Map.of()).catalog().close();
              } catch (Throwable e) {
                thrown[0] = e;
              }
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    assertThat(thrown[0])
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("configuration nested too deeply");
  }

  @Test
  void theListenHostMustBeAnAddressOfThisMachine() throws IOException {
    Files.createDirectories(home.resolve("plugins"));
    assertThatThrownBy(() -> load("web.listen-address = \"no-such-host.invalid:9100\"", Map.of()))
        .hasMessage(
            "web.listen-address = \"no-such-host.invalid:9100\": unknown host no-such-host.invalid");
    Path file =
        Files.writeString(home.resolve("monitor.conf"), "web.listen-address = \"192.0.2.1:9100\"");
    assertThatThrownBy(() -> Setup.load(home, Map.of(), file, Preflight.Resolver.SYSTEM))
        .hasMessage(
            "web.listen-address = \"192.0.2.1:9100\": 192.0.2.1 is not an address of this machine");
    load("web.listen-address = \"127.0.0.1:9100\"", Map.of()).catalog().close();
  }
}
