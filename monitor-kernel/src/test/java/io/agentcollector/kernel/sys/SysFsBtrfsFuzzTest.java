package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysFsBtrfs}'s attribute values ({@link SysFsBtrfs#number}): returns or
 * rejects naming the file. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysFsBtrfsFuzzTestInputs/parse/}.
 */
class SysFsBtrfsFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/fs/btrfs/a-b/allocation/global_rsv_size";
    ParserContract.returnsOrRejects(file, () -> SysFsBtrfs.number(file, content));
  }
}
