package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The default node id: two processes on one host must not share it (each would reap the other's
 * live calls at start, and neither would reap the other's after a crash), and one process must keep
 * it across restarts (so a restarted node reaps its own calls at once).
 */
class DialerSettingsTest {

  @Test
  void twoProcessesOnOneHostGetDifferentDefaultIdsThatSurviveARestart() {
    String first = DialerSettings.defaultNodeId("box", "8080");
    String second = DialerSettings.defaultNodeId("box", "8081");

    assertThat(first).isNotEqualTo(second);
    assertThat(DialerSettings.defaultNodeId("box", "8080")).isEqualTo(first).isEqualTo("box:8080");
    assertThat(DialerSettings.defaultNodeId("box", null)).isEqualTo("box:8080");
    assertThat(DialerSettings.defaultNodeId("box", " ")).isEqualTo("box:8080");
  }

  @Test
  void aRandomPortGivesEachProcessItsOwnId() {
    String a = DialerSettings.defaultNodeId("box", "0");
    String b = DialerSettings.defaultNodeId("box", "0");

    assertThat(a).startsWith("box:").isNotEqualTo(b);
  }

  @Test
  void anExplicitNodeIdWins() {
    DialerSettings settings = new DialerSettings(true, " node-7 ", null, null, null, null, null, 0);

    assertThat(settings.withDefaultNodeId("node-7", "9090").nodeId()).isEqualTo("node-7");
    assertThat(settings.withDefaultNodeId(null, "9090").nodeId()).endsWith(":9090");
  }
}
