package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClassFcHost}: one input as a WWN attribute and a statistics counter.
 * Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysClassFcHostFuzzTestInputs/parse/}.
 */
class SysClassFcHostFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    String host = "/sys/class/fc_host/host0/";
    ParserContract.returnsOrRejects(
        host,
        () -> {
          SysClassFcHost.attribute("port_name", content);
          SysClassFcHost.counter(host + "statistics/rx_frames", content);
        });
  }
}
