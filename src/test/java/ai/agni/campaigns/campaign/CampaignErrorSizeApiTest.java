package ai.agni.campaigns.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An error answer stays small whatever the request: at most 100 entries in {@code errors}, the
 * total in the message, and texts cut short. The create with 20,000 unknown contact ids (an 800 KB
 * request) used to answer a 1.78 MB body.
 */
class CampaignErrorSizeApiTest extends CampaignApiTestBase {

  @Test
  void twentyThousandUnknownContactIdsListTheFirstHundredAndCountThemAll() {
    Setup s = aSetup();
    List<UUID> ids = new ArrayList<>(s.contacts());
    for (int i = 0; i < 20_000; i++) {
      ids.add(UUID.randomUUID());
    }
    String request = createBody(s, ids, "");
    assertThat(request.length()).isGreaterThan(700_000);

    var answer = post(s.org(), "/api/v1/campaigns", request);

    JsonNode error = answer.invalidField("contactIds");
    assertThat(error.get("errors")).hasSize(100);
    assertThat(error.get("errors").findValuesAsString("message"))
        .allMatch(m -> m.startsWith("unknown contact: "));
    String message = error.get("message").asString();
    assertThat(message)
        .startsWith("contactIds: 20000 unknown contact id(s): ")
        .endsWith("(20000 errors; the first 100 are listed)")
        .hasSizeLessThan(300);
    assertThat(answer.rawBody().length()).isLessThan(16_000);
    assertThat(data.campaignCount(s.org().id())).isZero();
  }

  @Test
  void aHugeMalformedIdIsCutShortInTheMessageAndTheError() {
    Setup s = aSetup();
    String huge = "x".repeat(200_000);
    String request =
        createBody(s, s.contacts(), "")
            .replace("\"contactIds\":[", "\"contactIds\":[\"" + huge + "\",");

    var answer = post(s.org(), "/api/v1/campaigns", request);

    JsonNode error = answer.invalidField("contactIds");
    assertThat(error.get("message").asString()).hasSizeLessThanOrEqualTo(501);
    assertThat(error.get("errors").get(0).get("message").asString())
        .startsWith("unknown contact: xxx")
        .hasSizeLessThanOrEqualTo(201);
    assertThat(answer.rawBody().length()).isLessThan(2_000);
  }
}
