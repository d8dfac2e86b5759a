package io.agentcollector.plugin.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.testkit.Infra;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** statvfs through JNA on this machine's real root file system. */
class JnaStatFsTest {

  private static JnaStatFs statFs() {
    try {
      return new JnaStatFs();
    } catch (IllegalStateException e) {
      Infra.missing("statvfs through JNA: " + e.getMessage());
      throw new AssertionError("unreachable");
    }
  }

  @Test
  void rootMatchesJavasFileStore() throws Exception {
    StatFs.Result r = statFs().statfs("/");
    FileStore store = Files.getFileStore(Path.of("/"));
    assertThat(r.sizeBytes()).isPositive();
    // Java multiplies by f_frsize, node_exporter by f_bsize: equal on Linux's disk file systems.
    assertThat((long) r.sizeBytes()).isEqualTo(store.getTotalSpace());
    assertThat(r.files()).isPositive();
    assertThat(r.free()).isGreaterThanOrEqualTo(r.available());
  }

  @Test
  void missingPathIsAnIoError() {
    assertThatThrownBy(() -> statFs().statfs("/no/such/mount/point"))
        .isInstanceOf(IOException.class)
        .hasMessage("statvfs /no/such/mount/point: errno 2");
  }
}
