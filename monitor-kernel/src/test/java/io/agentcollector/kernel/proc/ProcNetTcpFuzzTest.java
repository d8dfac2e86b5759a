package io.agentcollector.kernel.proc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.agentcollector.testkit.ParserContract;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;

/**
 * Fuzz target for {@link ProcNetTcp} and the streaming of {@link SocketTable}: returns or rejects
 * naming {@code /proc/net/tcp}, and a table streamed through a small buffer sums to what the whole
 * text does. Seeds and regression inputs: {@code
 * src/test/resources/io/agentcollector/kernel/proc/ProcNetTcpFuzzTestInputs/parse/}.
 */
class ProcNetTcpFuzzTest {

  @FuzzTest
  void parse(FuzzedDataProvider data) throws Exception {
    int bufferSize = data.consumeInt(64, 1024);
    byte[] bytes = data.consumeRemainingAsBytes();
    String content = new String(bytes, ISO_8859_1);
    String file = "/proc/net/tcp";
    ParserContract.returnsOrRejects(file, () -> ProcNetTcp.parse(file, content));
    ParserContract.returnsOrRejects(
        file,
        () -> {
          SocketTable.Totals streamed =
              SocketTable.scan(
                  file,
                  Channels.newChannel(new ByteArrayInputStream(bytes)),
                  ByteBuffer.allocate(bufferSize));
          SocketTable.Totals whole = SocketTable.parse(file, content);
          if (streamed.sockets != whole.sockets
              || streamed.txQueue != whole.txQueue
              || streamed.rxQueue != whole.rxQueue) {
            throw new AssertionError("streamed and whole totals differ");
          }
        });
  }
}
