package io.agentcollector.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import io.agentcollector.runtime.config.LoggingConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {

  @TempDir Path tmp;

  /** Back to the tests' own configuration (logback-test.xml) for the tests that run after these. */
  @AfterEach
  void restore() throws Exception {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    new ContextInitializer(ctx).autoConfig();
  }

  @Test
  void jsonToAFileThatRotates() throws Exception {
    Path file = tmp.resolve("agent.log");
    LoggingSetup.configure(
        new LoggingConfig("info", true, false, Optional.of(file.toString()), 2048, 2), true);
    var log = LoggerFactory.getLogger("plugin.cpu.cpu");
    log.debug("not at info level");
    log.warn("collector {} failing: {}", "cpu/cpu", "cannot read /proc/stat");
    String first = Files.readAllLines(file).get(0);
    assertThat(first)
        .startsWith("{")
        .contains("\"level\":\"WARN\"")
        .contains("\"loggerName\":\"plugin.cpu.cpu\"")
        .contains(
            "\"formattedMessage\":\"collector cpu\\/cpu failing: cannot read \\/proc\\/stat\"");
    assertThat(Files.readString(file)).doesNotContain("not at info level");
    for (int i = 0; i < 40; i++) {
      log.info("line {} of padding to pass the 2 KiB rotation size", i);
    }
    Thread.sleep(1100); // the size is checked at most once a second
    log.info("this line triggers the rollover");
    assertThat(tmp.resolve("agent.log.1")).exists();
    assertThat(tmp.resolve("agent.log.3")).doesNotExist();
  }

  @Test
  void textToStdout() {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    try {
      LoggingSetup.configure(
          new LoggingConfig("info", false, true, Optional.empty(), 1 << 20, 1), true);
      LoggerFactory.getLogger("io.agentcollector.runtime.Agent").info("listening");
    } finally {
      System.setOut(saved);
    }
    assertThat(out.toString()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO  Agent - listening\\R");
  }
}
