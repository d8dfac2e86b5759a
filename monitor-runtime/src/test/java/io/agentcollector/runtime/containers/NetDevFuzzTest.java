package io.agentcollector.runtime.containers;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link NetDev}: returns or rejects naming {@code /proc/<pid>/net/dev}. Seeds and
 * regression inputs: {@code src/test/resources/io/agentcollector/runtime/containers/NetDevFuzzTestInputs/parse/}.
 */
class NetDevFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("/proc/<pid>/net/dev", () -> NetDev.parse(content));
  }
}
