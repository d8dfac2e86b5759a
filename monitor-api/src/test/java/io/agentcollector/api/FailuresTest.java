package io.agentcollector.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void chainOnOneLineWithoutRepeatedMessages() {
    IOException root = new IOException("connect failed:\nConnection refused");
    UncheckedIOException wrapper = new UncheckedIOException(root.getMessage(), root);
    RuntimeException outer = new RuntimeException("list containers", wrapper);
    assertThat(Failures.summary(outer))
        .isEqualTo(
            "RuntimeException: list containers <- UncheckedIOException: connect failed: Connection refused");
  }

  @Test
  void selfCausedChainEnds() {
    Exception loop =
        new Exception("x") {
          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };
    assertThat(Failures.summary(loop)).endsWith(": x");
  }

  @Test
  void daemonThreadsAreNumbered() {
    var f = Threads.daemon("w");
    Thread a = f.newThread(() -> {});
    Thread b = f.newThread(() -> {});
    assertThat(a.isDaemon()).isTrue();
    assertThat(a.getName()).isEqualTo("w-1");
    assertThat(b.getName()).isEqualTo("w-2");
  }
}
