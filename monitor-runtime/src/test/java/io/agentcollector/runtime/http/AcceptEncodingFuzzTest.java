package io.agentcollector.runtime.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target for {@link AcceptEncoding}: any header values give an answer, never an exception, and
 * {@code gzip;q=0} alone never gets gzip. Seeds: {@code AcceptEncodingFuzzTestInputs/gzip/}.
 */
class AcceptEncodingFuzzTest {

  @FuzzTest
  void gzip(FuzzedDataProvider data) {
    List<String> values = new ArrayList<>();
    int n = data.consumeInt(0, 3);
    for (int i = 0; i < n; i++) {
      values.add(data.consumeString(200));
    }
    AcceptEncoding.gzip(values);
    if (AcceptEncoding.gzip(List.of("gzip;q=0"))) {
      throw new AssertionError("gzip;q=0 answered with gzip");
    }
  }
}
