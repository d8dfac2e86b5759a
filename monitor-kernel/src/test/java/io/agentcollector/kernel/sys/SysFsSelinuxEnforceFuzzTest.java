package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysFsSelinuxEnforce}: returns or rejects naming {@code
 * /sys/fs/selinux/enforce}. Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysFsSelinuxEnforceFuzzTestInputs/parse/}.
 */
class SysFsSelinuxEnforceFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects(
        "/sys/fs/selinux/enforce",
        () -> SysFsSelinuxEnforce.parse("/sys/fs/selinux/enforce", content));
  }
}
