package io.agentcollector.kernel.proc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link ProcFilesystems}: returns or rejects naming {@code /proc/filesystems}.
 * Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/proc/ProcFilesystemsFuzzTestInputs/parse/}.
 */
class ProcFilesystemsFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("/proc/filesystems", () -> ProcFilesystems.parse(content));
  }
}
