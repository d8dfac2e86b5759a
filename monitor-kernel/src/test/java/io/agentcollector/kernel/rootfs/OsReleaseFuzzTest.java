package io.agentcollector.kernel.rootfs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link OsRelease}: returns or rejects naming {@code /etc/os-release}. Seeds and
 * regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/rootfs/OsReleaseFuzzTestInputs/parse/}.
 */
class OsReleaseFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects(
        "/etc/os-release", () -> OsRelease.parse("/etc/os-release", content));
  }
}
