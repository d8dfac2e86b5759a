package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.proc.ProcPidMountstats.Mount;
import io.agentcollector.kernel.proc.ProcPidMountstats.Nfs;
import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcPidMountstatsTest {

  /** Hand-written Linux 6.x file: local mounts, NFSv4.2 over TCP (twice), NFSv3 over UDP. */
  @Test
  void nfsMountsAmongOthers() throws Exception {
    List<Mount> mounts =
        ProcPidMountstats.parse(
                Files.readString(Fixtures.path("edge/disk-storage/proc/self/mountstats")))
            .mounts();
    assertThat(mounts)
        .extracting(Mount::mountPoint)
        .containsExactly("/", "/proc", "/sys", "/mnt/data", "/mnt/archive", "/srv/bind", "/run");
    assertThat(mounts.get(0).nfs()).isEmpty();
    Nfs v4 = mounts.get(3).nfs().orElseThrow();
    assertThat(mounts.get(3).device()).isEqualTo("10.0.0.5:/srv/export");
    assertThat(mounts.get(3).fsType()).isEqualTo("nfs4");
    assertThat(v4.statVersion()).isEqualTo("1.1");
    assertThat(v4.ageSeconds()).isEqualTo(86400);
    assertThat(v4.bytes())
        .containsExactly(1073741824, 536870912, 0, 0, 1073745920, 536875008, 262145, 131073);
    assertThat(v4.events()).hasSize(27).startsWith(3201, 41022, 12);
    assertThat(v4.transport().protocol()).isEqualTo("tcp");
    assertThat(v4.transport().values())
        .containsExactly(0, 0, 1, 0, 3, 184213, 184213, 0, 191004, 0, 64, 1022, 31);
    assertThat(v4.operations()).hasSize(10);
    assertThat(v4.operations().get(1).name()).isEqualTo("READ");
    assertThat(v4.operations().get(1).values())
        .containsExactly(16384, 16384, 0, 2490368, 1075970048, 12, 91023, 91402, 0);
    Nfs v3 = mounts.get(4).nfs().orElseThrow();
    // UDP has no connection: port and bind count, then three zeros, then the rest.
    assertThat(v3.transport().values())
        .containsExactly(874, 0, 0, 0, 0, 2048, 2048, 0, 2300, 0, 16, 2, 0);
  }

  @Test
  void statsVersion10AndAnOperationWithoutErrorCount() {
    Nfs nfs =
        ProcPidMountstats.parse(
                """
                device s:/e mounted on /m with fstype nfs statvers=1.0
                \tage:\t7
                \txprt:\ttcp 1 2 3 4 5 6 7 8 9 10
                \tper-op statistics
                \t        READ: 1 2 3 4 5 6 7 8

                """)
            .mounts()
            .get(0)
            .nfs()
            .orElseThrow();
    assertThat(nfs.transport().values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0);
    assertThat(nfs.operations().get(0).values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(nfs.bytes()).containsOnly(0);
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of(
            "a device line of other words",
            "device x mounted at /m with fstype nfs\n",
            "/proc/<pid>/mountstats line 1: expected \"device <dev> mounted on"),
        Arguments.of(
            "too few events",
            "device s:/e mounted on /m with fstype nfs4 statvers=1.1\n\tevents:\t1 2 3\n\n",
            "/proc/<pid>/mountstats line 2: 3 values where 27 were expected"),
        Arguments.of(
            "a byte count that is no number",
            "device s:/e mounted on /m with fstype nfs statvers=1.1\n\tbytes:\t1 2 3 4 5 6 7 x\n\n",
            "/proc/<pid>/mountstats line 2: not a number: \"x\""),
        Arguments.of(
            "a short operation line",
            "device s:/e mounted on /m with fstype nfs statvers=1.1\n\tper-op statistics\n\tREAD: 1 2\n\n",
            "/proc/<pid>/mountstats line 3: expected \"<OPERATION>:"),
        Arguments.of(
            "cut short",
            "device s:/e mounted on /m with fstype nfs statvers=1.1\n\tage:\t1",
            "/proc/<pid>/mountstats: no newline at the end"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesFileAndLine(String name, String content, String message) {
    assertThatThrownBy(() -> ProcPidMountstats.parse(content))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
