package io.agentcollector.kernel.proc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link ProcNetIpVs}: returns or rejects naming {@code /proc/net/ip_vs}. Seeds:
 * {@code src/test/resources/io/agentcollector/kernel/proc/ProcNetIpVsFuzzTestInputs/parse/}.
 */
class ProcNetIpVsFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("/proc/net/ip_vs", () -> ProcNetIpVs.parse(content));
  }
}
