package io.agentcollector.kernel.sys;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;

/**
 * Fuzz target for the hwmon sysfs parsing: an attribute file name ({@link SysClassHwmon#explode}),
 * a chip or label name ({@link SysClassHwmon#clean}) and an attribute value ({@link
 * SysClassHwmon#number}). None of them rejects: an odd name or value is skipped.
 */
class SysClassHwmonFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    String content = new String(data.consumeRemainingAsBytes(), ISO_8859_1);
    ParserContract.returnsOrRejects(
        "/sys/class/hwmon",
        () -> {
          SysClassHwmon.explode(content);
          SysClassHwmon.clean(content);
          SysClassHwmon.number(content);
        });
  }
}
