package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysCpufreq}: a frequency attribute. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysCpufreqFuzzTestInputs/parse/}.
 */
class SysCpufreqFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq";
    ParserContract.returnsOrRejects(file, () -> SysCpufreq.parse(file, content));
  }
}
