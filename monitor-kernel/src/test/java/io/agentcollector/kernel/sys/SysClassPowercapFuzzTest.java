package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassPowercap}: an {@code energy_uj} value and a zone name's index.
 * Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassPowercapFuzzTestInputs/parse/}.
 */
class SysClassPowercapFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/class/powercap/intel-rapl:0/energy_uj";
    ParserContract.returnsOrRejects(
        file,
        () -> {
          SysClassPowercap.parseIndex(content);
          SysClassPowercap.number(file, content);
        });
  }
}
