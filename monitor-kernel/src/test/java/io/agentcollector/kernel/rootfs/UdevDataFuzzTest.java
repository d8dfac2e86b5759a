package io.agentcollector.kernel.rootfs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link UdevData}: returns or rejects naming {@code /run/udev/data}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/rootfs/UdevDataFuzzTestInputs/parse/}.
 */
class UdevDataFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), UTF_8);
    ParserContract.returnsOrRejects("/run/udev/data", () -> UdevData.parse(content));
  }
}
