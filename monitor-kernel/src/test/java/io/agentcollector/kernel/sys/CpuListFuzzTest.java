package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link CpuList}: returns or rejects naming {@code
 * /sys/devices/system/cpu/isolated}. Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/sys/CpuListFuzzTestInputs/parse/}.
 */
class CpuListFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/devices/system/cpu/isolated";
    ParserContract.returnsOrRejects(file, () -> CpuList.parse(file, content));
  }
}
