package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassPowerSupply}: a numeric attribute (Go's base-0 syntax) and a text
 * one. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassPowerSupplyFuzzTestInputs/parse/}.
 */
class SysClassPowerSupplyFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/class/power_supply/BAT0/energy_now";
    ParserContract.returnsOrRejects(
        file,
        () -> {
          SysfsFiles.label(content);
          SysClassPowerSupply.number(file, content);
        });
  }
}
