package io.agentcollector.plugin.disk;

import io.agentcollector.kernel.proc.ProcDiskstats;
import java.io.IOException;

/** The statfs of a path; an interface so tests can answer with fixed values or hang. */
interface StatFs {

  /**
   * The fields node_exporter uses, as the kernel's unsigned 64-bit counts: {@code blockSize} is
   * f_bsize (node_exporter multiplies by it, not by f_frsize), the sizes are in blocks.
   */
  record Result(
      long blockSize, long blocks, long free, long available, long files, long filesFree) {

    double sizeBytes() {
      return ProcDiskstats.unsigned(blocks) * ProcDiskstats.unsigned(blockSize);
    }

    double freeBytes() {
      return ProcDiskstats.unsigned(free) * ProcDiskstats.unsigned(blockSize);
    }

    double availBytes() {
      return ProcDiskstats.unsigned(available) * ProcDiskstats.unsigned(blockSize);
    }
  }

  /** May block for as long as the file system does (a dead NFS server: forever). */
  Result statfs(String path) throws IOException;
}
