package io.agentcollector.kernel.cgroup;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link FlatKeyed}: returns or rejects naming {@code pids.events}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/cgroup/FlatKeyedFuzzTestInputs/parse/}.
 */
class FlatKeyedFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("pids.events", () -> FlatKeyed.parse("pids.events", content));
  }
}
