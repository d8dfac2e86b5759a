package io.agentcollector.runtime.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.typesafe.config.ConfigFactory;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.runtime.config.ConfigLoader.InstalledPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target for the agent's config loading ({@link ConfigLoader#userInput} then {@link
 * ConfigLoader#load}) on arbitrary HOCON text: a user mistake comes out as {@link ConfigError} (or
 * {@link InvalidConfigException}), never as another exception or a stack trace.
 */
class ConfigLoaderFuzzTest {

  private static final Map<String, InstalledPlugin> PLUGINS =
      Map.of(
          "cpu",
          new InstalledPlugin(
              "cpu", List.of("cpu", "loadavg"), ConfigFactory.parseString("extra-metrics = true")));

  private static final Path HOME = tempHome();

  @FuzzTest
  void load(FuzzedDataProvider data) throws IOException {
    String hocon = new String(data.consumeRemainingAsBytes(), UTF_8);
    if (hocon.contains("include")) {
      // include url("http://…") would make requests; includes are typesafe's, not ours.
      return;
    }
    Path file = HOME.resolve("monitor.conf");
    Files.writeString(file, hocon, UTF_8);
    ConfigLoader loader = new ConfigLoader(HOME, Map.of(), () -> "fuzz-host");
    try {
      loader.load(loader.userInput(file, true), PLUGINS);
    } catch (ConfigError | InvalidConfigException expected) {
      // a user mistake, reported in one line
    }
  }

  private static Path tempHome() {
    try {
      Path home = Files.createTempDirectory("config-fuzz");
      home.toFile().deleteOnExit();
      home.resolve("monitor.conf").toFile().deleteOnExit();
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
