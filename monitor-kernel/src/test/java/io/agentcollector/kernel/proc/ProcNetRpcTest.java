package io.agentcollector.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.kernel.proc.ProcNetRpcNfs.Network;
import io.agentcollector.testkit.Fixtures;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ProcNetRpcNfs} and {@link ProcNetRpcNfsd}: hand-written files, see the fixture README. */
class ProcNetRpcTest {

  @Test
  void client() throws Exception {
    ProcNetRpcNfs nfs =
        ProcNetRpcNfs.parse(Files.readString(Fixtures.path("edge/disk-storage/proc/net/rpc/nfs")));
    assertThat(nfs.network()).isEqualTo(new Network(0, 0, 0, 0));
    assertThat(nfs.rpc()).isEqualTo(new ProcNetRpcNfs.Rpc(1318215, 3, 1318227));
    assertThat(nfs.proc2()).hasSize(18).startsWith(0, 12, 0, 0, 44).endsWith(2, 5);
    assertThat(nfs.proc3()).hasSize(22).startsWith(0, 291017, 4, 37434).endsWith(2, 0, 0);
    assertThat(ProcNetRpcNfs.PROC4).hasSize(59).endsWith("Clone");
    // 69 columns on this kernel: the ten after Clone are ignored.
    assertThat(nfs.proc4()).hasSize(59).startsWith(0, 885213, 412907);
    assertThat(nfs.proc4()[ProcNetRpcNfs.PROC4.indexOf("Lookup")]).isEqualTo(1203344);
  }

  @Test
  void anOlderClientHasFewerNfs4ProceduresAndTheMissingOnesAreZero() {
    ProcNetRpcNfs nfs = ProcNetRpcNfs.parse("net 1 2 3 4\nproc4 3 9 8 7\n");
    assertThat(nfs.network()).isEqualTo(new Network(1, 2, 3, 4));
    assertThat(nfs.rpc()).isEqualTo(new ProcNetRpcNfs.Rpc(0, 0, 0));
    assertThat(nfs.proc4()).hasSize(59).startsWith(9, 8, 7, 0);
    assertThat(nfs.proc3()).containsOnly(0);
  }

  @Test
  void server() throws Exception {
    ProcNetRpcNfsd d =
        ProcNetRpcNfsd.parse(
            Files.readString(Fixtures.path("edge/disk-storage/proc/net/rpc/nfsd")));
    assertThat(d.replyCache()).containsExactly(0, 1912234, 57013302);
    assertThat(d.fileHandlesStale()).isEqualTo(2);
    assertThat(d.bytesRead()).isEqualTo(1073741824000L);
    assertThat(d.bytesWritten()).isEqualTo(536870912000L);
    assertThat(d.threads()).isEqualTo(16);
    assertThat(d.readAheadCacheSize()).isZero();
    assertThat(d.network()).isEqualTo(new Network(58925248, 0, 58925248, 431));
    assertThat(d.rpc()).containsExactly(58925200, 48, 40, 8, 0);
    assertThat(d.proc2()).as("no NFSv2 on this server").hasSize(18).containsOnly(0);
    assertThat(d.proc3()).hasSize(22).startsWith(3, 108211);
    assertThat(ProcNetRpcNfsd.PROC4OPS).hasSize(40).endsWith("Verify", "Write", "RelLockOwner");
    assertThat(d.proc4ops()[ProcNetRpcNfsd.PROC4OPS.indexOf("Read")]).isEqualTo(5210034);
    assertThat(d.proc4ops()[ProcNetRpcNfsd.PROC4OPS.indexOf("Write")]).isEqualTo(2100876);
    assertThat(d.proc4ops()[ProcNetRpcNfsd.PROC4OPS.indexOf("GetAttr")]).isEqualTo(8123456);
  }

  /** Linux 2.6.2x's 39 operations end before RELEASE_LOCKOWNER (39): it reads 0. */
  @Test
  void a39OperationLineLacksOnlyReleaseLockowner() {
    StringBuilder ops = new StringBuilder("proc4ops 39");
    for (int op = 0; op < 39; op++) {
      ops.append(' ').append(op * 10);
    }
    ProcNetRpcNfsd d = ProcNetRpcNfsd.parse(ops + "\n");
    assertThat(d.proc4ops()[ProcNetRpcNfsd.PROC4OPS.indexOf("Write")]).isEqualTo(380);
    assertThat(d.proc4ops()[ProcNetRpcNfsd.PROC4OPS.indexOf("RelLockOwner")]).isZero();
  }

  @Test
  void anOldReadAheadLineGivesItsSizeAndNotFound() {
    ProcNetRpcNfsd d = ProcNetRpcNfsd.parse("ra 32 1 2 3 4 5 6 7 8 9 10 77\n");
    assertThat(d.readAheadCacheSize()).isEqualTo(32);
    assertThat(d.readAheadNotFound()).isEqualTo(77);
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of(
            "nfs: a count that does not match",
            "proc3 22 1 2 3\n",
            "/proc/net/rpc/nfs line 1: \"proc3\" announces 22 values and has 3, at least 22"),
        Arguments.of(
            "nfs: not a number", "net 1 x 3 4\n", "/proc/net/rpc/nfs line 1: not a number: \"x\""),
        Arguments.of(
            "nfs: too few values",
            "net 1 2 3 4\nrpc 1 2\n",
            "/proc/net/rpc/nfs line 2: \"rpc\" has 2 values, expected 3"),
        Arguments.of(
            "nfs: cut short", "rpc 1 2 3\nproc4 3 1 2", "/proc/net/rpc/nfs: no newline at the end"),
        Arguments.of(
            "nfsd: the thread count is no number",
            "th x 0 0.000\n",
            "/proc/net/rpc/nfsd line 1: not a number: \"x\""),
        Arguments.of(
            "nfsd: proc4ops shorter than RFC 3010's operations",
            "proc4ops 3 0 0 0\n",
            "/proc/net/rpc/nfsd line 1: \"proc4ops\" announces 3 values and has 3, at least 39"),
        Arguments.of(
            "nfsd: a negative number",
            "io -1 2\n",
            "/proc/net/rpc/nfsd line 1: not a number: \"-1\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageNamesFileAndLine(String name, String content, String message) {
    assertThatThrownBy(
            () -> {
              if (message.startsWith("/proc/net/rpc/nfsd")) {
                ProcNetRpcNfsd.parse(content);
              } else {
                ProcNetRpcNfs.parse(content);
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void unknownLinesAreSkippedUnread() {
    assertThat(ProcNetRpcNfsd.parse("wdeleg_getattr 1.5 x\nth 8 0\n").threads()).isEqualTo(8);
  }
}
