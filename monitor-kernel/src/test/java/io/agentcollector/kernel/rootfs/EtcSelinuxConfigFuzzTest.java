package io.agentcollector.kernel.rootfs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link EtcSelinuxConfig}: returns or rejects naming {@code /etc/selinux/config}.
 * Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/rootfs/EtcSelinuxConfigFuzzTestInputs/parse/}.
 */
class EtcSelinuxConfigFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects("/etc/selinux/config", () -> EtcSelinuxConfig.parse(content));
  }
}
