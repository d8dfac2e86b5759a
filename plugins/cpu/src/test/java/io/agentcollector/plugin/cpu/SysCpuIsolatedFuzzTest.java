package io.agentcollector.plugin.cpu;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysCpuIsolated}: returns or rejects naming {@code /sys/devices/system/cpu/isolated}. Seeds and
 * regression inputs: {@code src/test/resources/io/agentcollector/plugin/cpu/SysCpuIsolatedFuzzTestInputs/parse/}.
 */
class SysCpuIsolatedFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("/sys/devices/system/cpu/isolated", () -> SysCpuIsolated.parse(content));
  }
}
