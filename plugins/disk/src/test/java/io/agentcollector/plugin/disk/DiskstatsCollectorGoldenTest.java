package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskstatsCollectorGoldenTest {

  private static MetricSnapshots run(TestContext context) throws Exception {
    return CollectorRun.once(DiskstatsCollector::new, context);
  }

  /** The build machine's capture: vda and zram0 (no udev there), loop devices excluded. */
  @Test
  void fixtureTree() throws Exception {
    MetricSnapshots out = run(TestContext.forPlugin("disk"));
    Golden.assertMatches(out, "diskstats.prom");
    assertThat(Exposition.value(out, "node_disk_read_bytes_total", "device", "vda"))
        .hasValue(7910146 * 512.0);
    assertThat(Exposition.value(out, "node_disk_write_time_seconds_total", "device", "vda"))
        .hasValue(46.44);
    assertThat(
            Exposition.value(
                out,
                "node_disk_info",
                "device",
                "vda",
                "major",
                "254",
                "minor",
                "0",
                "model",
                "",
                "serial",
                ""))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_disk_reads_completed_total", "device", "loop0"))
        .isEmpty();
    assertThat(Exposition.text(out)).doesNotContain("node_disk_filesystem_info", "node_disk_ata");
  }

  /**
   * Hand-made: an ATA disk on a pre-4.18 kernel line (14 columns), its partition, an LVM volume (18
   * columns), an NVMe disk with a column a future kernel might add, and an empty sr0, with udev
   * data for the first three.
   */
  @Test
  void udevLabelsAndKernelVariants() throws Exception {
    MetricSnapshots out =
        run(TestContext.forPlugin("disk").withHostPaths(Fixtures.hostPaths("edge/disk-udev")));
    Golden.assertMatches(out, "diskstats-udev.prom");
    assertThat(
            Exposition.value(
                out,
                "node_disk_info",
                "device",
                "sda",
                "model",
                "Samsung_SSD_860_EVO_500GB",
                "serial",
                "S3Z1NB0K123456X",
                "path",
                "pci-0000:00:17.0-ata-1",
                "wwn",
                "0x5002538e40a1b2c3",
                "revision",
                "RVT02B6Q"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_disk_ata_rotation_rate_rpm", "device", "sda"))
        .hasValue(0);
    assertThat(Exposition.value(out, "node_disk_ata_write_cache_enabled", "device", "sda"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_disk_discards_completed_total", "device", "sda"))
        .as("old kernel")
        .isEmpty();
    assertThat(Exposition.value(out, "node_disk_reads_completed_total", "device", "sda1"))
        .as("partition")
        .isEmpty();
    assertThat(
            Exposition.value(
                out,
                "node_disk_device_mapper_info",
                "device",
                "dm-0",
                "name",
                "vg0-root",
                "vg_name",
                "vg0",
                "lv_name",
                "root",
                "lv_layer",
                ""))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out,
                "node_disk_filesystem_info",
                "device",
                "dm-0",
                "type",
                "ext4",
                "usage",
                "filesystem",
                "version",
                "1.0"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_disk_discarded_sectors_total", "device", "dm-0"))
        .hasValue(4096);
    assertThat(Exposition.value(out, "node_disk_flush_requests_total", "device", "dm-0")).isEmpty();
    assertThat(
            Exposition.value(
                out, "node_disk_flush_requests_time_seconds_total", "device", "nvme0n1"))
        .hasValue(350 * 0.001);
    assertThat(Exposition.value(out, "node_disk_io_now", "device", "nvme0n1")).hasValue(2);
    assertThat(Exposition.value(out, "node_disk_filesystem_info", "device", "nvme0n1"))
        .as("no ID_FS_TYPE")
        .isEmpty();
    assertThat(Exposition.value(out, "node_disk_ata_write_cache", "device", "nvme0n1"))
        .as("not ATA")
        .isEmpty();
  }

  @Test
  void includeInsteadOfExclude() throws Exception {
    MetricSnapshots out =
        run(
            TestContext.forPlugin("disk")
                .withHostPaths(Fixtures.hostPaths("edge/disk-udev"))
                .withConfig("device-include = \"^sda1$\""));
    assertThat(Exposition.value(out, "node_disk_reads_completed_total", "device", "sda1"))
        .hasValue(900);
    assertThat(Exposition.value(out, "node_disk_reads_completed_total", "device", "sda")).isEmpty();
  }

  @Test
  void noDiskstatsIsAnEmptyResult(@TempDir Path host) throws Exception {
    assertThat(run(TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)))).isEmpty();
  }

  @Test
  void unreadableUdevEntryLeavesLabelsEmpty(@TempDir Path host) throws Exception {
    Files.createDirectories(host.resolve("proc"));
    Files.createDirectories(host.resolve("run/udev/data/b8:0")); // a directory: reading it fails
    Files.writeString(host.resolve("proc/diskstats"), "8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n");
    MetricSnapshots out = run(TestContext.forPlugin("disk").withHostPaths(HostPaths.under(host)));
    assertThat(Exposition.value(out, "node_disk_info", "device", "sda", "model", "")).hasValue(1);
  }
}
