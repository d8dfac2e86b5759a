package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassDmiId}: an attribute's bytes, any of which is a value (never
 * rejected). Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassDmiIdFuzzTestInputs/parse/}.
 */
class SysClassDmiIdFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("/sys/class/dmi/id", () -> SysClassDmiId.parse(content));
  }
}
