package io.agentcollector.kernel.cgroup;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link CgroupV2CpuMax}: returns or rejects naming {@code cpu.max}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/cgroup/CgroupV2CpuMaxFuzzTestInputs/parse/}.
 */
class CgroupV2CpuMaxFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("cpu.max", () -> CgroupV2CpuMax.parse(content));
  }
}
