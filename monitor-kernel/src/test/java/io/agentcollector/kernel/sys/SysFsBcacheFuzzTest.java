package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for bcache's attribute texts ({@link BcacheValues}, what {@link SysFsBcache} reads):
 * a value, {@code writeback_rate_debug} and {@code priority_stats} each return or reject naming the
 * file. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysFsBcacheFuzzTestInputs/parse/}.
 */
class SysFsBcacheFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String file = "/sys/fs/bcache/u-u/bdev0/writeback_rate_debug";
    ParserContract.returnsOrRejects(file, () -> BcacheValues.dehumanizeSigned(file, content));
    ParserContract.returnsOrRejects(file, () -> BcacheValues.writebackRateDebug(file, content));
    ParserContract.returnsOrRejects(file, () -> BcacheValues.priorityStats(file, content));
  }
}
