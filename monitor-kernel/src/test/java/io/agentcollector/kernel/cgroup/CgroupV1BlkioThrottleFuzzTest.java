package io.agentcollector.kernel.cgroup;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link CgroupV1BlkioThrottle}: returns or rejects naming {@code
 * blkio.throttle.io_serviced}. Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/cgroup/CgroupV1BlkioThrottleFuzzTestInputs/parse/}.
 */
class CgroupV1BlkioThrottleFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects(
        "blkio.throttle.io_serviced",
        () -> CgroupV1BlkioThrottle.parse("blkio.throttle.io_serviced", content));
  }
}
