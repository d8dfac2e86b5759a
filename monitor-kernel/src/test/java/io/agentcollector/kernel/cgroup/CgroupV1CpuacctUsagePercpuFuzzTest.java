package io.agentcollector.kernel.cgroup;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link CgroupV1CpuacctUsagePercpu}: returns or rejects naming {@code
 * cpuacct.usage_percpu}. Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/cgroup/CgroupV1CpuacctUsagePercpuFuzzTestInputs/parse/}.
 */
class CgroupV1CpuacctUsagePercpuFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects(
        "cpuacct.usage_percpu", () -> CgroupV1CpuacctUsagePercpu.parse(content));
  }
}
