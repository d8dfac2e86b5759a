package io.agentcollector.kernel.proc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link ProcSchedstat}: returns or rejects naming {@code /proc/schedstat}. Seeds:
 * {@code src/test/resources/io/agentcollector/kernel/proc/ProcSchedstatFuzzTestInputs/parse/}.
 */
class ProcSchedstatFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("/proc/schedstat", () -> ProcSchedstat.parse(content));
  }
}
