package io.agentcollector.plugin.disk;

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

class DiskstatsCollectorTest {

  @TempDir Path host;

  @Test
  void golden() throws Exception {
    Golden.assertMatches(CollectorRun.once(new DiskstatsCollector(), TestContext.forPlugin("disk")), "diskstats.prom");
  }

  @Test
  void kernelVariantsUnitsAndTheDefaultExclude() throws Exception {
    Files.createDirectories(host.resolve("proc"));
    Files.writeString(host.resolve("proc/diskstats"), """
         254       0 vda 30318 7630 1795162 8166 12638 11793 2206112 5981 0 6744 15678 4784 29 110880 668 1881 862
         254       1 vda1 100 0 800 10 0 0 0 0 0 10 10 0 0 0 0 0 0
           8       0 sda 1 2 3 4 5 6 7 8 9 10 11
           7       0 loop0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
         252       0 zram0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19
        """);
    var out = CollectorRun.once(new DiskstatsCollector(), TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)));
    assertThat(Exposition.value(out, "node_disk_reads_completed_total", "device", "vda")).hasValue(30318);
    assertThat(Exposition.value(out, "node_disk_read_bytes_total", "device", "vda")).hasValue(1795162 * 512.0);
    assertThat(Exposition.value(out, "node_disk_read_time_seconds_total", "device", "vda")).hasValue(8.166);
    assertThat(Exposition.value(out, "node_disk_io_time_seconds_total", "device", "vda")).hasValue(6.744);
    assertThat(Exposition.value(out, "node_disk_discarded_sectors_total", "device", "vda")).hasValue(110880);
    assertThat(Exposition.value(out, "node_disk_flush_requests_time_seconds_total", "device", "vda")).hasValue(0.862);
    assertThat(Exposition.value(out, "node_disk_io_now", "device", "sda")).hasValue(9);
    assertThat(Exposition.value(out, "node_disk_discards_completed_total", "device", "sda")).as("old kernel").isEmpty();
    assertThat(Exposition.value(out, "node_disk_reads_completed_total", "device", "vda1")).as("partition").isEmpty();
    assertThat(Exposition.value(out, "node_disk_reads_completed_total", "device", "loop0")).isEmpty();
    assertThat(Exposition.value(out, "node_disk_flush_requests_total", "device", "zram0")).as("17 of 19 columns").hasValue(16);
    assertThat(Exposition.value(out, "node_disk_info", "device", "vda", "major", "254", "minor", "0", "model", "")).hasValue(1);
    var only = CollectorRun.once(new DiskstatsCollector(),
        TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)).withConfig("device-include = \"^vda1$\""));
    assertThat(Exposition.value(only, "node_disk_reads_completed_total", "device", "vda1")).hasValue(100);
    assertThat(Exposition.value(only, "node_disk_reads_completed_total", "device", "vda")).isEmpty();
  }

  @Test
  void garbageNamesTheLine() {
    assertThatThrownBy(() -> ProcDiskstats.parse(" 254 0 vda 1 2 3\n"))
        .hasMessageStartingWith("/proc/diskstats line 1: 6 fields, expected 14 or more");
    assertThatThrownBy(() -> ProcDiskstats.parse(" 254 0 vda 1 2 3 4 5 6 7 8 9 10 x\n"))
        .hasMessageStartingWith("/proc/diskstats line 1: not a number");
  }
}
