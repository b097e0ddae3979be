package ai.agni.campaigns.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpAnswersTest {

  @Test
  void declinesEveryMediaLineOfTheOfferInOrder() {
    String offer =
        "v=0\r\no=x 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\n"
            + "m=video 5000 RTP/AVP 96\r\n";
    assertThat(SdpAnswers.declineAll(offer))
        .isEqualTo(
            "v=0\r\no=agni 0 0 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                + "m=audio 0 RTP/AVP 0 8 101\r\n"
                + "m=video 0 RTP/AVP 96\r\n");
  }

  @Test
  void withoutAnOfferItIsABareSession() {
    assertThat(SdpAnswers.declineAll(null))
        .isEqualTo("v=0\r\no=agni 0 0 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n");
    assertThat(SdpAnswers.declineAll("m=audio\n")).doesNotContain("m=");
  }
}
