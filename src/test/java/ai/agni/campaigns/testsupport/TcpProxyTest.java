package ai.agni.campaigns.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The proxy forwards, resets every connection while cut, and forwards again once restored. */
class TcpProxyTest {

  @Test
  void forwardsRefusesWhileCutAndForwardsAgain() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server =
          new Thread(
              () -> {
                while (!echo.isClosed()) {
                  try (Socket s = echo.accept()) {
                    s.getOutputStream().write(s.getInputStream().read());
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      server.setDaemon(true);
      server.start();
      try (TcpProxy proxy = new TcpProxy("127.0.0.1", echo.getLocalPort())) {
        assertThat(roundTrip(proxy.port(), 7)).isEqualTo(7);
        proxy.cut();
        assertThatThrownBy(() -> roundTrip(proxy.port(), 8)).isInstanceOf(IOException.class);
        proxy.restore();
        assertThat(roundTrip(proxy.port(), 9)).isEqualTo(9);
      }
    }
  }

  private static int roundTrip(int port, int value) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write(value);
      int read = s.getInputStream().read();
      if (read < 0) {
        throw new EOFException("closed by the peer");
      }
      return read;
    }
  }
}
