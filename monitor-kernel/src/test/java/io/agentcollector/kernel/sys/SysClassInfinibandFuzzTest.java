package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassInfiniband}: one input as a port's {@code state}, {@code rate} and
 * a counter. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassInfinibandFuzzTestInputs/parse/}.
 */
class SysClassInfinibandFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String port = "/sys/class/infiniband/mlx5_0/ports/1/";
    ParserContract.returnsOrRejects(port, () -> SysClassInfiniband.state(port + "state", content));
    ParserContract.returnsOrRejects(port, () -> SysClassInfiniband.rate(port + "rate", content));
    ParserContract.returnsOrRejects(
        port, () -> SysClassInfiniband.counter(port + "counters/port_rcv_data", content));
  }
}
