package io.agentcollector.plugin.textfile;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link TextFormat}: returns or rejects naming {@code a.prom}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/plugin/textfile/TextFormatFuzzTestInputs/parse/}.
 */
class TextFormatFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), UTF_8);
    ParserContract.returnsOrRejects("a.prom", () -> TextFormat.parse("a.prom", content));
  }
}
