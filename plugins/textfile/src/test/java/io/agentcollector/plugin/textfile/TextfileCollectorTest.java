package io.agentcollector.plugin.textfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileCollectorTest {

  @TempDir Path rootfs;
  private TestContext ctx;

  /** The fixture directory copied to <rootfs>/textfile with fixed mtimes (they are exposed). */
  @BeforeEach
  void copy() throws Exception {
    Path dir = Files.createDirectories(rootfs.resolve("textfile"));
    try (Stream<Path> s = Files.list(Fixtures.path("edge/textfile-dir"))) {
      for (Path f : s.toList()) {
        Path to = Files.copy(f, dir.resolve(f.getFileName()));
        Files.setLastModifiedTime(to, FileTime.fromMillis(1_795_490_364_900L));
      }
    }
    ctx =
        TestContext.forPlugin("textfile")
            .withHostPaths(
                new HostPaths(
                    rootfs.resolve("proc"),
                    rootfs.resolve("sys"),
                    rootfs,
                    rootfs.resolve("sys/fs/cgroup")))
            .withConfig("directory = /textfile");
  }

  @Test
  void golden() throws Exception {
    Golden.assertMatches(CollectorRun.once(TextfileCollector::new, ctx), "textfile.prom");
  }

  @Test
  void valuesTypesErrorsAndMtimes() throws Exception {
    var out = CollectorRun.once(TextfileCollector::new, ctx);
    assertThat(
            Exposition.value(
                out, "backup_last_success_timestamp_seconds", "job", "files", "target", ""))
        .as("padded label")
        .hasValue(1795490000);
    assertThat(Exposition.value(out, "escaped_info", "path", "C:\\data", "note", "say \"hi\"\nbye"))
        .hasValue(1);
    assertThat(Exposition.value(out, "cron_runs_total", "job", "db")).hasValue(42);
    assertThat(Exposition.value(out, "legacy_errors")).hasValue(3);
    assertThat(Exposition.value(out, "node_textfile_scrape_error"))
        .as("d-broken and e-timestamp")
        .hasValue(1);
    assertThat(
            Exposition.value(out, "node_textfile_mtime_seconds", "file", "/textfile/a-gauges.prom"))
        .as("whole seconds")
        .hasValue(1795490364);
    assertThat(
            Exposition.value(out, "node_textfile_mtime_seconds", "file", "/textfile/d-broken.prom"))
        .isEmpty();
    assertThat(Exposition.text(out)).doesNotContain("with_timestamp").doesNotContain("broken{");
  }

  @Test
  void noDirectoryIsNoErrorAndAMissingOneIs() throws Exception {
    var none = CollectorRun.once(TextfileCollector::new, ctx.withConfig("directory = \"\""));
    assertThat(Exposition.value(none, "node_textfile_scrape_error")).hasValue(0);
    var missing = CollectorRun.once(TextfileCollector::new, ctx.withConfig("directory = /nope"));
    assertThat(Exposition.value(missing, "node_textfile_scrape_error")).hasValue(1);
  }

  @Test
  void parserRejectsGarbageWithTheFileAndLine() {
    assertThatThrownBy(() -> TextFormat.parse("x.prom", "ok 1\n{} 2\n"))
        .hasMessage("x.prom line 2: no metric name in \"{} 2\"");
    assertThatThrownBy(() -> TextFormat.parse("x.prom", "a 1 2 3\n"))
        .hasMessageContaining("x.prom line 1: expected a value");
    assertThatThrownBy(() -> TextFormat.parse("x.prom", "a lots\n"))
        .hasMessage("x.prom line 1: not a number: \"lots\"");
    assertThatThrownBy(() -> TextFormat.parse("x.prom", "# TYPE a bogus\n"))
        .hasMessage("x.prom line 1: unknown type \"bogus\"");
  }
}
