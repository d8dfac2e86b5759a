package io.agentcollector.kernel.proc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link ProcSplKstatZfs}: a named and an io kstat each return or reject naming the
 * file. Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/proc/ProcSplKstatZfsFuzzTestInputs/parse/}.
 */
class ProcSplKstatZfsFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/proc/spl/kstat/zfs/tank/objset-0x36";
    ParserContract.returnsOrRejects(file, () -> ProcSplKstatZfs.parseNamed(file, content));
    ParserContract.returnsOrRejects(file, () -> ProcSplKstatZfs.parseIo(file, content));
  }
}
