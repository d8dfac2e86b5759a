package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassScsiTape}'s counter files ({@link SysClassScsiTape#number}):
 * returns or rejects naming the file. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassScsiTapeFuzzTestInputs/parse/}.
 */
class SysClassScsiTapeFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/class/scsi_tape/st0/stats/io_ns";
    ParserContract.returnsOrRejects(file, () -> SysClassScsiTape.number(file, content));
  }
}
