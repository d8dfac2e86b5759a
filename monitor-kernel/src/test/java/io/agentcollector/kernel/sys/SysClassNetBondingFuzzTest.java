package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassNetBonding}: a {@code bonding_masters} or {@code slaves} list and
 * a {@code mii_status}. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassNetBondingFuzzTestInputs/parse/}.
 */
class SysClassNetBondingFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/class/net/bonding_masters";
    ParserContract.returnsOrRejects(
        file,
        () -> {
          SysClassNetBonding.names(file, content);
          SysClassNetBonding.isUp(content);
        });
  }
}
