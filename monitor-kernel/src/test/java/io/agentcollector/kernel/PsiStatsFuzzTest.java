package io.agentcollector.kernel;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link PsiStats}: returns or rejects naming {@code cpu.pressure}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/PsiStatsFuzzTestInputs/parse/}.
 */
class PsiStatsFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("cpu.pressure", () -> PsiStats.parse("cpu.pressure", content));
  }
}
