package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysDevicesSystemEdacMc}: an error count. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysDevicesSystemEdacMcFuzzTestInputs/parse/}.
 */
class SysDevicesSystemEdacMcFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/devices/system/edac/mc/mc0/ce_count";
    ParserContract.returnsOrRejects(file, () -> SysDevicesSystemEdacMc.number(file, content));
  }
}
