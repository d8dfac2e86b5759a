package io.agentcollector.plugin.k8slabels;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/** Fuzz target for {@link CgroupPath}: any path is a pod's container or empty, never an error. */
class CgroupPathFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String path = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("cgroup path", () -> CgroupPath.parse(path));
  }
}
