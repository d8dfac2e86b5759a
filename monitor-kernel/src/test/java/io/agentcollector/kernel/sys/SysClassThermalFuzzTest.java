package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassThermal}: a numeric attribute ({@code temp}, {@code max_state},
 * {@code cur_state}) and a type label. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassThermalFuzzTestInputs/parse/}.
 */
class SysClassThermalFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects(
        "/sys/class/thermal/thermal_zone0/temp",
        () -> {
          SysfsFiles.label(content);
          SysClassThermal.number("/sys/class/thermal/thermal_zone0/temp", content);
        });
  }
}
