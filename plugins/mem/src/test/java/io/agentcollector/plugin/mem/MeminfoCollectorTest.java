package io.agentcollector.plugin.mem;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeminfoCollectorTest {

  @TempDir Path host;

  @Test
  void golden() throws Exception {
    Golden.assertMatches(
        CollectorRun.once(MeminfoCollector::new, TestContext.forPlugin("mem")), "meminfo.prom");
  }

  @Test
  void namingUnitsUnknownKeysAndUsedMemory() throws Exception {
    Files.createDirectories(host.resolve("proc"));
    Files.writeString(
        host.resolve("proc/meminfo"),
        """
        MemTotal:       24000000 kB
        MemAvailable:   18000000 kB
        Active(anon):     123456 kB
        HugePages_Total:       4
        SomeFutureField:     512 kB
        """);
    var out =
        CollectorRun.once(
            MeminfoCollector::new,
            TestContext.forPlugin("mem").withHostPaths(HostPaths.under(host)));
    assertThat(Exposition.value(out, "node_memory_MemTotal_bytes")).hasValue(24000000 * 1024.0);
    assertThat(Exposition.value(out, "node_memory_Active_anon_bytes")).hasValue(123456 * 1024.0);
    assertThat(Exposition.value(out, "node_memory_HugePages_Total"))
        .as("no unit, no _bytes")
        .hasValue(4);
    assertThat(Exposition.value(out, "node_memory_SomeFutureField_bytes")).hasValue(512 * 1024.0);
    assertThat(Exposition.value(out, "host_memory_used_bytes")).hasValue(6000000 * 1024.0);
    assertThat(Exposition.value(out, "host_memory_used_ratio")).hasValue(0.25);
  }

  @Test
  void oldKernelWithoutMemAvailableHasNoUsedMetrics() throws Exception {
    Files.createDirectories(host.resolve("proc"));
    Files.writeString(host.resolve("proc/meminfo"), "MemTotal: 1000 kB\nMemFree: 500 kB\n");
    var out =
        CollectorRun.once(
            MeminfoCollector::new,
            TestContext.forPlugin("mem").withHostPaths(HostPaths.under(host)));
    assertThat(Exposition.value(out, "host_memory_used_bytes")).isEmpty();
  }
}
