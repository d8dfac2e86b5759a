package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.PluginDefaults;
import io.agentcollector.testkit.TestContext;
import org.junit.jupiter.api.Test;

class SystemConfigTest {

  @Test
  void defaultsAreNodeExporter150s() {
    SystemConfig c = SystemConfig.from(PluginDefaults.load("system"));
    assertThat(c.vmstatFields().orElseThrow().pattern())
        .isEqualTo("^(oom_kill|pgpg|pswp|pg.*fault).*");
    assertThat(c.netstatFields().orElseThrow().pattern())
        .startsWith("^(.*_(InErrors|InErrs)|Ip_Forwarding|");
    assertThat(SystemConfig.matches(c.vmstatFields(), "pgmajfault")).isTrue();
    assertThat(SystemConfig.matches(c.vmstatFields(), "nr_free_pages")).isFalse();
    assertThat(SystemConfig.matches(c.netstatFields(), "Tcp_CurrEstab")).isTrue();
    assertThat(SystemConfig.matches(c.netstatFields(), "Tcp_MaxConn")).isFalse();
  }

  @Test
  void explicitValues() throws Exception {
    TestContext ctx =
        TestContext.forPlugin("system")
            .withConfig("vmstat.fields = \"^nr_free_pages$\"\nnetstat.fields = \"\"");
    var vmstat = CollectorRun.once(VmstatCollector::new, ctx);
    assertThat(vmstat.size()).isEqualTo(1);
    assertThat(Exposition.value(vmstat, "node_vmstat_nr_free_pages")).isPresent();
    var netstat = CollectorRun.once(NetstatCollector::new, ctx);
    assertThat(Exposition.value(netstat, "node_netstat_Tcp_MaxConn"))
        .as("\"\" = every field")
        .hasValue(-1);
  }

  @Test
  void invalidValuesNameTheKey() {
    assertThatThrownBy(
            () ->
                new VmstatCollector(
                    TestContext.forPlugin("system").withConfig("vmstat.fields = \"(oom\"")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith(
            "plugins.system.vmstat.fields = \"(oom\": expected a valid regular expression");
    assertThatThrownBy(
            () ->
                new NetstatCollector(
                    TestContext.forPlugin("system").withConfig("netstat.fields = [1, 2]")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("plugins.system.netstat.fields = [1, 2]: expected a string");
  }
}
