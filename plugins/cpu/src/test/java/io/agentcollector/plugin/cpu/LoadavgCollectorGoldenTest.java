package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadavgCollectorGoldenTest {

  @TempDir Path tmp;

  @Test
  void buildMachine() throws Exception {
    var out = CollectorRun.once(LoadavgCollector::new, TestContext.forPlugin("cpu"));
    Golden.assertMatches(out, "loadavg.prom");
    assertThat(Exposition.value(out, "node_load1")).hasValue(2.38);
    assertThat(Exposition.value(out, "node_load5")).hasValue(2.51);
    assertThat(Exposition.value(out, "node_load15")).hasValue(1.93);
  }

  @Test
  void aHostWithoutTheFileGivesNothing() throws Exception {
    var ctx = TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(tmp));
    assertThat(CollectorRun.once(LoadavgCollector::new, ctx)).isEmpty();
  }

  @Test
  void malformedFileFails() throws Exception {
    Files.createDirectories(tmp.resolve("proc"));
    Files.writeString(tmp.resolve("proc/loadavg"), "0.1 0.2\n");
    var ctx = TestContext.forPlugin("cpu").withHostPaths(HostPaths.under(tmp));
    assertThatThrownBy(() -> CollectorRun.once(LoadavgCollector::new, ctx))
        .hasMessage(
            "/proc/loadavg line 1: 2 fields, expected 5 (the file is cut short): \"0.1 0.2\"");
  }
}
