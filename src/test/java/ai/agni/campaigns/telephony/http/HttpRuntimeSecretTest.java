package ai.agni.campaigns.telephony.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.telephony.http.FakeRuntime.Posted;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The runtime secret end to end: stored sealed, opened by the service to sign the offer and to
 * check the runtime's events, so a call completes with the secret as the user sent it; a sealed
 * value moved in from another column is never used.
 */
class HttpRuntimeSecretTest extends HttpRuntimeTestBase {

  @Test
  void aCallIsSignedAndItsEventsCheckedWithTheStoredSecret() {
    String number = api.httpNumber(FROM, runtime.url(), SECRET);
    assertThat(storedSecret(number)).startsWith("v1:").doesNotContain(SECRET);

    String session = api.singleCall(agent, FROM, "+14155550501");

    JsonNode ended = ended(session);
    assertThat(ended.get("status").asString()).isEqualTo("completed");
    assertThat(runtime.offers()).singleElement().matches(FakeRuntime.Offer::signatureValid);
    List<Posted> events = awaitPosted(session, 3);
    assertThat(events).extracting(Posted::answerStatus).containsOnly(200);
  }

  @Test
  void aSealedPasswordMovedIntoTheSecretColumnIsNotUsed() {
    String number = api.httpNumber(FROM, runtime.url(), SECRET);
    String sip =
        api.data(
                "POST",
                "/phone-numbers",
                "{\"phone_number\":\"+14155550199\",\"provider\":\"sip\","
                    + "\"sip_trunk_uri\":\"sip:trunk.example.com\",\"sip_password\":\""
                    + SECRET
                    + "\"}")
            .get("id")
            .asString();
    jdbc.sql(
            "UPDATE phone_numbers SET runtime_secret ="
                + " (SELECT sip_password FROM phone_numbers WHERE id = ?) WHERE id = ?")
        .params(UUID.fromString(sip), UUID.fromString(number))
        .update();

    String session = api.singleCall(agent, FROM, "+14155550502");

    assertUnavailable(ended(session), "the number's runtime_secret cannot be decrypted");
    assertThat(runtime.offers()).isEmpty();
  }

  private String storedSecret(String number) {
    return jdbc.sql("SELECT runtime_secret FROM phone_numbers WHERE id = ?")
        .param(UUID.fromString(number))
        .query(String.class)
        .single();
  }
}
