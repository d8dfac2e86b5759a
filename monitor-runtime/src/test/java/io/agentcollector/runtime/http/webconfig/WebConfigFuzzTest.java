package io.agentcollector.runtime.http.webconfig;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Fuzz target for the web config file's parser: any YAML gives a {@link WebConfig} or a {@link
 * WebConfigException}, nothing else. Inputs naming files ({@code cert_file}, {@code key_file},
 * {@code client_ca_file}) are passed over: they would read whatever path the fuzzer writes. Seeds:
 * {@code WebConfigFuzzTestInputs/parse/}.
 */
class WebConfigFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) {
    String yaml = data.consumeRemainingAsString();
    if (yaml.contains("_file")) {
      return;
    }
    try {
      WebConfig.parse(yaml, Path.of("/nonexistent/web-config.yml"));
    } catch (WebConfigException e) {
      // the documented rejection
    }
  }
}
