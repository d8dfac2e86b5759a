package io.agentcollector.plugin.disk;

import java.io.IOException;

/** statfs(2) of a path; behind an interface so tests can make one hang. */
interface StatFs {

  /** The fields node_exporter uses; sizes in blocks of {@code blockSize} bytes. */
  record Result(long blockSize, long blocks, long free, long available, long files, long filesFree) {}

  Result statfs(String path) throws IOException;
}
