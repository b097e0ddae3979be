package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentHeadersTest {

  private static final UUID SESSION = UUID.fromString("01890000-0000-7000-8000-000000000001");
  private static final UUID CAMPAIGN = UUID.fromString("01890000-0000-7000-8000-000000000002");
  private static final UUID CONTACT = UUID.fromString("01890000-0000-7000-8000-000000000003");
  private static final UUID AGENT = UUID.fromString("01890000-0000-7000-8000-000000000004");

  @Test
  void namesTheSessionCampaignContactAgentAndCallee() {
    assertThat(AgentHeaders.of(SESSION, CAMPAIGN, CONTACT, AGENT, "+14155550101", Map.of()))
        .containsExactly(
            new AgentHeaders.Header("X-Agni-Session", SESSION.toString()),
            new AgentHeaders.Header("X-Agni-Campaign", CAMPAIGN.toString()),
            new AgentHeaders.Header("X-Agni-Contact", CONTACT.toString()),
            new AgentHeaders.Header("X-Agni-Agent", AGENT.toString()),
            new AgentHeaders.Header("X-Agni-Callee", "+14155550101"));
  }

  @Test
  void aSingleCallHasNoCampaignOrContactHeader() {
    assertThat(AgentHeaders.of(SESSION, null, null, AGENT, "+14155550101", null))
        .extracting(AgentHeaders.Header::name)
        .containsExactly("X-Agni-Session", "X-Agni-Agent", "X-Agni-Callee");
  }

  @Test
  void variablesGoAsHeadersWhenSafeAndAtMostTwenty() {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("first_name", "Ada");
    vars.put("city", "Z\u00fcrich");
    vars.put("bad name", "x");
    vars.put("inject", "x\r\nVia: evil");
    vars.put("long", "y".repeat(257));
    vars.put("edge", "\u00e9".repeat(128));
    vars.put("tab", "a\tb");
    List<AgentHeaders.Header> headers =
        AgentHeaders.of(SESSION, CAMPAIGN, CONTACT, AGENT, "+14155550101", vars);
    assertThat(headers.subList(5, headers.size()))
        .containsExactly(
            new AgentHeaders.Header("X-Agni-Var-city", "Z\u00fcrich"),
            new AgentHeaders.Header("X-Agni-Var-edge", "\u00e9".repeat(128)),
            new AgentHeaders.Header("X-Agni-Var-first_name", "Ada"));

    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      many.put(String.format("v%02d", i), "x");
    }
    List<AgentHeaders.Header> capped =
        AgentHeaders.of(SESSION, CAMPAIGN, CONTACT, AGENT, "+14155550101", many);
    assertThat(capped).hasSize(5 + 20);
    assertThat(capped.get(5).name()).isEqualTo("X-Agni-Var-v00");
    assertThat(capped.get(24).name())
        .as("the same 20 every time: by name")
        .isEqualTo("X-Agni-Var-v19");
  }

  @Test
  void tokensAreTheRfc3261Characters() {
    assertThat(AgentHeaders.isToken("a-b.c_d!%*+`'~9")).isTrue();
    assertThat(AgentHeaders.isToken("")).isFalse();
    assertThat(AgentHeaders.isToken("a:b")).isFalse();
    assertThat(AgentHeaders.isToken("a b")).isFalse();
    assertThat(AgentHeaders.isToken("\u00e9")).isFalse();
    assertThat(AgentHeaders.isToken("x".repeat(65))).isFalse();
  }
}
