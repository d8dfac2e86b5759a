package io.agentcollector.plugin.textfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Files the collector refuses (clashes, size, series budget) and how it says so. */
class TextfileRefusalsTest {

  @TempDir Path rootfs;
  private Path dir;
  private TestContext ctx;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() throws Exception {
    dir = Files.createDirectories(rootfs.resolve("textfile"));
    ctx =
        TestContext.forPlugin("textfile")
            .withHostPaths(
                new HostPaths(
                    rootfs.resolve("proc"),
                    rootfs.resolve("sys"),
                    rootfs,
                    rootfs.resolve("sys/fs/cgroup")))
            .withConfig("directory = /textfile");
    logs.start();
    ((Logger) LoggerFactory.getLogger("plugin.textfile")).addAppender(logs);
    Files.writeString(
        dir.resolve("good.prom"),
        "# HELP job_ok Jobs that ran.\n# TYPE job_ok gauge\njob_ok{job=\"a\"} 1\n");
  }

  @AfterEach
  void detach() {
    ((Logger) LoggerFactory.getLogger("plugin.textfile")).detachAppender(logs);
  }

  private List<String> messages() {
    return logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private static TextfileCollector started(TestContext c) {
    TextfileCollector t = new TextfileCollector(c);
    return t;
  }

  private static void assertGoodFileServed(MetricSnapshots out) {
    assertThat(Exposition.value(out, "job_ok", "job", "a")).hasValue(1);
    assertThat(Exposition.value(out, "node_textfile_mtime_seconds", "file", "/textfile/good.prom"))
        .isPresent();
  }

  @Test
  void aMissingDirectoryIsAScrapeErrorWithoutAWarn() throws Exception {
    TextfileCollector t = started(ctx.withConfig("directory = /var/lib/prometheus/node-exporter"));
    MetricSnapshots out = t.collect();
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(1);
    assertThat(messages()).noneMatch(m -> m.startsWith("WARN"));
  }

  @Test
  void aFileRedefiningAnotherCollectorsFamilyIsSkippedOnceLoggedAndHealsWhenRemoved()
      throws Exception {
    Files.writeString(dir.resolve("load.prom"), "node_load1 99\n");
    TextfileCollector t = started(ctx.withOtherOwners(Map.of("node_load1", "cpu/loadavg")));
    MetricSnapshots out = t.collect();
    t.collect();
    assertGoodFileServed(out);
    assertThat(Exposition.value(out, "node_load1")).isEmpty();
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(1);
    assertThat(Exposition.value(out, "node_textfile_mtime_seconds", "file", "/textfile/load.prom"))
        .isEmpty();
    Files.delete(dir.resolve("load.prom"));
    out = t.collect();
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(0);
    assertThat(messages())
        .containsExactly(
            "WARN textfile skipped: /textfile/load.prom: family node_load1 redefines node_load1, exposed by cpu/loadavg",
            "INFO textfile /textfile/load.prom is gone, it is no longer skipped");
  }

  @Test
  void aGaugeNamedLikeAnotherCollectorsInfoSampleIsRefused() throws Exception {
    Files.writeString(dir.resolve("uname.prom"), "node_uname_info{x=\"1\"} 1\n");
    MetricSnapshots out =
        started(ctx.withOtherOwners(Map.of("node_uname_info", "system/uname"))).collect();
    assertThat(Exposition.value(out, "node_uname_info", "x", "1")).isEmpty();
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(1);
  }

  @Test
  void aFileRedefiningAFamilyOfAnEarlierFileIsSkippedWhole() throws Exception {
    Files.writeString(dir.resolve("a.prom"), "# TYPE lat summary\nlat_sum 3\nlat_count 2\n");
    Files.writeString(dir.resolve("b.prom"), "# TYPE lat_count gauge\nlat_count 7\nb_other 1\n");
    Files.writeString(
        dir.resolve("z-help.prom"),
        "# HELP job_ok Another help.\n# TYPE job_ok gauge\njob_ok{job=\"c\"} 1\n");
    Files.writeString(dir.resolve("z-type.prom"), "# TYPE job_ok counter\njob_ok{job=\"d\"} 1\n");
    MetricSnapshots out = started(ctx).collect();
    assertGoodFileServed(out);
    assertThat(Exposition.text(out))
        .contains("lat_count 2")
        .doesNotContain("lat_count 7")
        .doesNotContain("b_other")
        .doesNotContain("job=\"c\"")
        .doesNotContain("job=\"d\"");
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(1);
    assertThat(messages())
        .containsExactly(
            "WARN textfile skipped: /textfile/b.prom: family lat_count shows lat_count, a name of lat in [/textfile/a.prom]",
            "WARN textfile skipped: /textfile/z-help.prom: job_ok has another HELP than in [/textfile/good.prom]",
            "WARN textfile skipped: /textfile/z-type.prom: job_ok is counter here but gauge in [/textfile/good.prom]");
  }

  @Test
  void aFileOverMaxFileSizeIsSkippedWithoutBeingRead() throws Exception {
    Files.writeString(dir.resolve("big.prom"), "big_value 1\n".repeat(200));
    MetricSnapshots out = started(ctx.withConfig("max-file-size = 1KiB")).collect();
    assertGoodFileServed(out);
    assertThat(Exposition.value(out, "big_value")).isEmpty();
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(1);
    assertThat(messages())
        .containsExactly(
            "WARN textfile skipped: /textfile/big.prom: larger than max-file-size (1024 bytes), not read");
  }

  @Test
  void aZeroMaxFileSizeIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(() -> new TextfileCollector(ctx.withConfig("max-file-size = 0")))
        .isInstanceOf(io.agentcollector.api.InvalidConfigException.class)
        .hasMessageStartingWith(
            "plugins.textfile.max-file-size = 0: expected a size of 1 byte or more");
  }

  @Test
  void theCappedInputStopsAFileThatGrowsPastTheCap() {
    var in = new CappedInput(new java.io.ByteArrayInputStream(new byte[5000]), 1024, "/t/x.prom");
    assertThatThrownBy(() -> in.readAllBytes())
        .isInstanceOf(CappedInput.TooLarge.class)
        .hasMessage("/t/x.prom: larger than max-file-size (1024 bytes), not read");
  }

  @Test
  void filesAreReadUntilTheSeriesBudgetAndAFileOverItIsSkippedWhole() throws Exception {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      many.append("many{i=\"").append(i).append("\"} 1\n");
    }
    Files.writeString(dir.resolve("many.prom"), many);
    Files.writeString(dir.resolve("z-small.prom"), "small 1\nsmall2 2\n");
    // 10 = scrape_error + 3 mtimes + 6 for the files: good (1) and z-small (2) fit, many (20) does
    // not.
    TestContext c = ctx.withConfig("max-series = 10");
    MetricSnapshots out = started(c).collect();
    assertGoodFileServed(out);
    assertThat(Exposition.value(out, "small")).hasValue(1);
    assertThat(Exposition.text(out)).doesNotContain("many{");
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(1);
    assertThat(c.budgetExceeded()).isEqualTo(1);
    assertThat(messages())
        .containsExactly(
            "WARN textfile skipped: /textfile/many.prom: more than 5 series"
                + " (stopped reading at line 6): no room left in the collector's series budget (max-series 10)");
  }

  @Test
  void theParserStopsAtTheLimit() {
    var in = new BufferedReader(new StringReader("a 1\n# c\nb 2\nc 3\nd 4\n"));
    assertThatThrownBy(() -> TextFormat.parse("x.prom", in, 2))
        .isInstanceOf(TextFormat.TooManySamples.class)
        .hasMessage("x.prom: more than 2 series (stopped reading at line 4)");
  }

  @Test
  void aParseErrorIsLoggedOncePerChangeAndItsFixAtInfo() throws Exception {
    Path f = dir.resolve("broken.prom");
    Files.writeString(f, "x lots\n");
    TextfileCollector t = started(ctx);
    t.collect();
    Files.writeString(f, "x lots\n");
    t.collect();
    Files.writeString(f, "x 1 2 3\n");
    t.collect();
    Files.writeString(f, "x 1\n");
    MetricSnapshots out = t.collect();
    t.collect();
    assertThat(Exposition.value(out, "x")).hasValue(1);
    assertThat(Exposition.value(out, "node_textfile_scrape_error")).hasValue(0);
    assertThat(messages())
        .containsExactly(
            "WARN textfile skipped: /textfile/broken.prom line 1: not a number: \"lots\"",
            "WARN textfile skipped: /textfile/broken.prom line 1: expected a value and an optional timestamp in \"x 1 2 3\"",
            "INFO textfile /textfile/broken.prom is read again");
  }
}
