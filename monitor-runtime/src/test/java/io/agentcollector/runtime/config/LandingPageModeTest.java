package io.agentcollector.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingPageModeTest {

  @TempDir Path home;

  private AgentConfig load(String hocon, Map<String, String> env) throws Exception {
    Path file = home.resolve("monitor.conf");
    Files.writeString(file, hocon);
    ConfigLoader loader = new ConfigLoader(home, env, () -> "h");
    return loader.load(loader.userInput(file, true), Map.of());
  }

  @Test
  void summaryByDefault() throws Exception {
    assertThat(load("", Map.of()).landingPage()).isEqualTo(LandingPageMode.SUMMARY);
    assertThat(load("web.landing-page = detailed", Map.of()).landingPage())
        .isEqualTo(LandingPageMode.DETAILED);
    assertThat(load("web.landing-page = \"off\"", Map.of()).landingPage())
        .isEqualTo(LandingPageMode.OFF);
    assertThat(load("web.landing-page = off", Map.of()).landingPage())
        .as("HOCON's boolean off")
        .isEqualTo(LandingPageMode.OFF);
  }

  @Test
  void anotherValueIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> load("\nweb.landing-page = verbose", Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage("web.landing-page = \"verbose\": expected summary, detailed or off");
  }
}
