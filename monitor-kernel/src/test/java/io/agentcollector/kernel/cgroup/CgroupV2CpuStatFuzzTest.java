package io.agentcollector.kernel.cgroup;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link CgroupV2CpuStat}: returns or rejects naming {@code cpu.stat}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/cgroup/CgroupV2CpuStatFuzzTestInputs/parse/}.
 */
class CgroupV2CpuStatFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("cpu.stat", () -> CgroupV2CpuStat.parse(content));
  }
}
