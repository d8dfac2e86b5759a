package io.agentcollector.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.runtime.config.ListenAddress;
import org.junit.jupiter.api.Test;

/** The address in the start line and on the landing page, once, as a URL. */
class AgentUrlTest {

  @Test
  void everyInterfaceLoopbackAndIpv6() {
    assertThat(Agent.url(ListenAddress.parse("k", ":9100"), 9100))
        .isEqualTo("http://0.0.0.0:9100/");
    assertThat(Agent.url(ListenAddress.parse("k", "127.0.0.1:0"), 41234))
        .isEqualTo("http://127.0.0.1:41234/");
    assertThat(Agent.url(ListenAddress.parse("k", "[::1]:9100"), 9100))
        .isEqualTo("http://[::1]:9100/");
  }
}
