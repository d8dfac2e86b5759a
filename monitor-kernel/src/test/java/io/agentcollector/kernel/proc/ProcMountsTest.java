package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ProcMountsTest {

  @Test
  void realCapture() throws Exception {
    ProcMounts m =
        ProcMounts.parse("/proc/1/mounts", Files.readString(Fixtures.path("proc/1/mounts")));
    assertThat(m.mounts()).hasSize(24);
    ProcMounts.Mount root = m.mounts().get(5);
    assertThat(root)
        .isEqualTo(
            new ProcMounts.Mount(
                "/dev/vda",
                "/",
                "ext4",
                "rw,relatime,discard,resv_strict,resuid=65534,resgid=65534"));
    assertThat(root.readOnly()).isFalse();
    assertThat(m.mounts().get(6).readOnly()).as("ro,nosuid,...").isTrue();
  }

  @Test
  void onlySpaceAndTabAreDecodedInTheMountPointAsNodeExporterDoes() {
    ProcMounts m =
        ProcMounts.parse(
            "mounts",
            """
        /dev/sdb1 /srv/with\\040space\\011tab ext4 rw 0 0
        //nas/share\\040x /mnt/back\\134slash cifs rw,ro,rw 0 0
        """);
    assertThat(m.mounts().get(0).mountPoint()).isEqualTo("/srv/with space\ttab");
    assertThat(m.mounts().get(1).device()).isEqualTo("//nas/share\\040x");
    assertThat(m.mounts().get(1).mountPoint()).isEqualTo("/mnt/back\\134slash");
    assertThat(m.mounts().get(1).readOnly()).as("duplicate options are fine").isTrue();
  }

  @Test
  void optionsNamingRoAreNotRo() {
    assertThat(
            ProcMounts.parse("m", "a / ext4 rw,errors=remount-ro 0 0").mounts().get(0).readOnly())
        .isFalse();
    assertThat(ProcMounts.parse("m", "a / ext4 rw,rootcontext=x 0 0").mounts().get(0).readOnly())
        .isFalse();
    assertThat(ProcMounts.parse("m", "a / ext4 ro 0 0").mounts().get(0).readOnly()).isTrue();
    assertThat(ProcMounts.parse("m", "a / ext4 rw,nosuid,ro 0 0").mounts().get(0).readOnly())
        .isTrue();
  }

  @Test
  void extraAndMissingTrailingFieldsAreFine() {
    assertThat(ProcMounts.parse("m", "a / ext4 rw\nb /x xfs ro 0 0 extra\n\n").mounts()).hasSize(2);
    assertThat(ProcMounts.parse("m", "").mounts()).isEmpty();
  }

  @Test
  void truncatedLineNamesFileAndLine() {
    assertThatThrownBy(() -> ProcMounts.parse("/proc/1/mounts", "a / ext4 rw 0 0\nb /x xfs\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "/proc/1/mounts line 2: expected device, mount point, type and options: \"b /x xfs\"");
  }
}
