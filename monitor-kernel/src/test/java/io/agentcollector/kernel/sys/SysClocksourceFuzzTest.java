package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for {@link SysClocksource}: the input is {@code available_clocksource}, a NUL byte
 * and {@code current_clocksource}.
 */
class SysClocksourceFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    int nul = content.indexOf('\0');
    String available = nul < 0 ? content : content.substring(0, nul);
    String current = nul < 0 ? "" : content.substring(nul + 1);
    ParserContract.returnsOrRejects(
        "/sys/devices/system/clocksource", () -> SysClocksource.parse(available, current));
  }
}
