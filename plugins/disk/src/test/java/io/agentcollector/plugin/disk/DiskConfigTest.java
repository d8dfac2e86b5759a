package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.TestContext;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiskConfigTest {

  private static DiskConfig config(String hocon) {
    return DiskConfig.from(TestContext.forPlugin("disk").withConfig(hocon).config());
  }

  @Test
  void defaultsAreNodeExporter150s() {
    DiskConfig c = config("");
    // The constants of node_exporter v1.5.0 collector/diskstats_linux.go and filesystem_linux.go,
    // mount points as Debian's package patches them.
    assertThat(c.deviceExclude())
        .map(Pattern::pattern)
        .hasValue("^(ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$");
    assertThat(c.deviceInclude()).isEmpty();
    assertThat(c.mountPointsExclude())
        .map(Pattern::pattern)
        .hasValue(
            "^/(dev|proc|run|sys|mnt|media|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)");
    assertThat(c.fsTypesExclude())
        .map(Pattern::pattern)
        .hasValue(
            "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs"
                + "|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs"
                + "|selinuxfs|squashfs|sysfs|tracefs)$");
    assertThat(c.mountTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.extraMetrics()).isTrue();
  }

  @ParameterizedTest(name = "{0} ignored: {1}")
  @CsvSource({
    "sda,false",
    "sda1,true",
    "vda,false",
    "vda2,true",
    "xvda1,true",
    "nvme0n1,false",
    "nvme0n1p1,true",
    "dm-0,false",
    "md127,false",
    "zram0,false",
    "sr0,false",
    "loop7,true",
    "ram0,true",
    "fd0,true"
  })
  void defaultDeviceExclude(String device, boolean ignored) {
    assertThat(config("").ignoresDevice(device)).isEqualTo(ignored);
  }

  @ParameterizedTest(name = "{0} {1} ignored: {2}")
  @CsvSource({
    "/,ext4,false",
    "/boot,vfat,false",
    "/dev/shm,tmpfs,true",
    "/run/user/1000,tmpfs,true",
    "/mnt/usb,vfat,true",
    "/sys/fs/cgroup,tmpfs,true",
    "/var/lib/docker/overlay2/x/merged,ext4,true",
    "/var/lib/docker,ext4,false",
    "/srv,nfs4,false",
    "/snap/core/1,squashfs,true",
    "/x,cgroup2,true",
    "/x,tmpfs,false",
    "/devices,ext4,false"
  })
  void defaultMountExcludes(String mountPoint, String fsType, boolean ignored) {
    assertThat(config("").ignoresMount(mountPoint, fsType)).isEqualTo(ignored);
  }

  @Test
  void explicitValues() {
    DiskConfig c =
        config(
            """
        device-exclude = "^sd"
        mount-points-exclude = ""
        fs-types-exclude = "^tmpfs$"
        mount-timeout = 250ms
        extra-metrics = false
        """);
    assertThat(c.ignoresDevice("sdb")).isTrue();
    assertThat(c.ignoresDevice("vda1")).isFalse();
    assertThat(c.ignoresMount("/proc", "proc")).isFalse();
    assertThat(c.ignoresMount("/run", "tmpfs")).isTrue();
    assertThat(c.mountTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.extraMetrics()).isFalse();
  }

  @Test
  void anIncludeReplacesTheExclude() {
    DiskConfig c = config("device-include = \"^(vda1|loop0)$\"");
    assertThat(c.deviceExclude()).isEmpty();
    assertThat(c.ignoresDevice("vda1")).isFalse();
    assertThat(c.ignoresDevice("loop0")).isFalse();
    assertThat(c.ignoresDevice("vda")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "device-exclude = \"(\"|plugins.disk.device-exclude = \"(\": expected a valid regular expression",
        "device-include = \"[a\"|plugins.disk.device-include = \"[a\": expected a valid regular expression",
        "mount-points-exclude = \"*\"|plugins.disk.mount-points-exclude = \"*\": expected a valid regular expression",
        "fs-types-exclude = \"(?<\"|plugins.disk.fs-types-exclude = \"(?<\": expected a valid regular expression",
        "mount-timeout = soon|plugins.disk.mount-timeout = \"soon\": expected a duration such as 5s or 250ms",
        "mount-timeout = -1s|plugins.disk.mount-timeout = \"-1s\": expected a duration of zero or more",
        "mount-timeout = 0s|plugins.disk.mount-timeout = \"0\": expected a duration above zero",
        "extra-metrics = maybe|plugins.disk.extra-metrics = \"maybe\": expected true or false"
      })
  void invalidValuesNameTheKey(String hocon, String message) {
    assertThatThrownBy(() -> config(hocon))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(message);
  }
}
