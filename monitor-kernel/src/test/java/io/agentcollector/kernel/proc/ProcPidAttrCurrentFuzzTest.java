package io.agentcollector.kernel.proc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link ProcPidAttrCurrent}: returns or rejects naming {@code
 * /proc/<pid>/attr/current}. Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/proc/ProcPidAttrCurrentFuzzTestInputs/parse/}.
 */
class ProcPidAttrCurrentFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects(
        "/proc/self/attr/current",
        () -> ProcPidAttrCurrent.parse("/proc/self/attr/current", content));
  }
}
