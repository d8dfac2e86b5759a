package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysDevicesSystemNode}: the input is a node's {@code meminfo}, a NUL byte
 * and its {@code numastat}. Seeds: {@code
 * src/test/resources/io/agentcollector/kernel/sys/SysDevicesSystemNodeFuzzTestInputs/parse/}.
 */
class SysDevicesSystemNodeFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    int nul = content.indexOf('\0');
    String meminfo = nul < 0 ? content : content.substring(0, nul);
    String numastat = nul < 0 ? "" : content.substring(nul + 1);
    String dir = "/sys/devices/system/node/node0/";
    ParserContract.returnsOrRejects(
        dir,
        () -> {
          SysDevicesSystemNode.parseMeminfo(dir + "meminfo", meminfo);
          SysDevicesSystemNode.parseNumastat(dir + "numastat", numastat);
        });
  }
}
