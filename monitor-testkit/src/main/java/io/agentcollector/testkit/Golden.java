package io.agentcollector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file under {@code src/test/golden/}. Run with {@code
 * -Dgolden.update=true} to rewrite the file; the test then fails, so an update can never pass
 * silently: review the diff and run again.
 */
public final class Golden {

  private Golden() {}

  /** Compares the text exposition of {@code snapshots} with {@code src/test/golden/<name>}. */
  public static void assertMatches(MetricSnapshots snapshots, String name) {
    assertMatches(Exposition.text(snapshots), Path.of("src/test/golden", name));
  }

  public static void assertMatches(String actual, Path golden) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fail("golden file " + golden + " rewritten (golden.update=true): review it and run again");
    }
    if (!Files.exists(golden)) {
      fail("golden file " + golden.toAbsolutePath() + " is missing: run with -Dgolden.update=true");
    }
    try {
      assertThat(actual)
          .as("output vs golden file %s", golden)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
