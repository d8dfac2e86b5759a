package io.agentcollector.kernel.cgroup;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link CgroupValue}: returns or rejects naming {@code memory.max}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/cgroup/CgroupValueFuzzTestInputs/parse/}.
 */
class CgroupValueFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("memory.max", () -> CgroupValue.parse("memory.max", content));
  }
}
