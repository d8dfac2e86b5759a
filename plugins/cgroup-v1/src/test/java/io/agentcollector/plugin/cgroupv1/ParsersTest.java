package io.agentcollector.plugin.cgroupv1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class ParsersTest {

  @Test
  void mountinfoFindsCgroupMountsWithControllersAndUnescapesPaths() {
    Mountinfo m = Mountinfo.parse("""
        30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:12 - cgroup cgroup rw,cpu,cpuacct
        40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        50 22 8:1 /data /mnt/with\\040space rw - ext4 /dev/sda1 rw
        """);
    assertThat(m.mounts()).hasSize(4);
    assertThat(m.mounts().get(1).superOptions()).contains("cpu", "cpuacct");
    assertThat(m.mounts().get(1).mountPoint()).isEqualTo("/sys/fs/cgroup/cpu,cpuacct");
    assertThat(m.mounts().get(3).mountPoint()).isEqualTo("/mnt/with space");
    assertThat(m.mounts().get(3).root()).isEqualTo("/data");
    assertThatThrownBy(() -> Mountinfo.parse("garbage line"))
        .hasMessage("mountinfo line 1: not a mount entry: \"garbage line\"");
  }

  @Test
  void aSuperOptionTwiceIsKeptOnce() {
    // Found by MountinfoFuzzTest: Set.of threw "duplicate element", naming no file.
    Mountinfo m = Mountinfo.parse("31 30 0:28 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu,cpu\n");
    assertThat(m.mounts().get(0).superOptions()).containsExactlyInAnyOrder("rw", "cpu");
  }

  @Test
  void aBackslashWithoutThreeOctalDigitsStaysAsWritten() {
    // Found by MountinfoFuzzTest: Integer.parseInt("9ab", 8) threw a bare NumberFormatException.
    Mountinfo m = Mountinfo.parse("50 22 8:1 / /mnt/a\\9ab\\040b rw - ext4 /dev/sda1 rw\n");
    assertThat(m.mounts().get(0).mountPoint()).isEqualTo("/mnt/a\\9ab b");
  }

  @Test
  void procPidCgroupMapsEachControllerAndIgnoresTheV2Line() {
    ProcPidCgroup c = ProcPidCgroup.parse("""
        12:memory:/docker/abc
        4:cpu,cpuacct:/docker/abc
        1:name=systemd:/docker/abc
        0::/docker/abc
        """);
    assertThat(c.pathByController()).containsEntry("cpu", "/docker/abc").containsEntry("cpuacct", "/docker/abc")
        .containsEntry("memory", "/docker/abc").hasSize(4);
    assertThatThrownBy(() -> ProcPidCgroup.parse("nonsense")).hasMessageContaining("line 1");
  }

  @Test
  void keyedValuesKeepUnknownKeysAndRejectGarbage() {
    KeyedValues v = KeyedValues.parse("cpu.stat", "nr_periods 22\nnr_throttled 21\nsome_future_key 7\n");
    assertThat(v.get("nr_throttled")).isEqualTo(21);
    assertThat(v.get("some_future_key")).isEqualTo(7);
    assertThat(v.get("absent")).isZero();
    assertThatThrownBy(() -> KeyedValues.parse("memory.stat", "cache 12\nrss lots\n"))
        .hasMessage("memory.stat line 2: rss has no number: \"lots\"");
  }

  @Test
  void keyedValuesCanKeepOnlySomeKeys() {
    String stat = "cache 12\nrss 34\nrss_huge 0\ntotal_rss 56\nhierarchical_memory_limit 9223372036854771712\n";
    KeyedValues v = KeyedValues.parse("memory.stat", stat, new String[] {"rss", "total_rss", "swap"});
    assertThat(v.values()).containsOnly(entry("rss", 34L), entry("total_rss", 56L));
    assertThat(v.has("swap")).isFalse();
    assertThatThrownBy(() -> KeyedValues.parse("memory.stat", "cache 12 13\n", new String[] {"rss"}))
        .as("a line of another shape is garbage, kept or not").hasMessageContaining("line 1: expected \"key value\"");
  }

  @Test
  void blkioKeepsReadAndWritePerDevice() {
    BlkioThrottle b = BlkioThrottle.parse("blkio.throttle.io_service_bytes", """
        254:0 Read 4096
        254:0 Write 8388608
        254:0 Sync 8392704
        254:0 Async 0
        254:0 Discard 0
        254:0 Total 8392704
        Total 8392704
        """);
    assertThat(b.readWriteByDevice().get("254:0")).containsExactly(4096, 8388608);
    assertThat(BlkioThrottle.parse("x", "Total 0\n").readWriteByDevice()).isEmpty();
    assertThatThrownBy(() -> BlkioThrottle.parse("x", "254:0 Read\n")).hasMessageContaining("line 1");
    // The reader makes two ints of MAJ:MIN; a device that is no MAJ:MIN is refused with its line.
    assertThatThrownBy(() -> BlkioThrottle.parse("x", "8:0 Read 1\nsda: Read 5\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x line 2: expected \"MAJ:MIN Op value\", got \"sda: Read 5\"");
  }
}
