package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.api.TextRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /campaigns} with its optional {@code Idempotency-Key}: a key seen within 24 hours
 * replays the first answer and creates nothing. The key is stored in the transaction that creates
 * the campaign, so of two concurrent requests with one key the second hits the primary key, rolls
 * back its campaign and replays the first answer.
 */
@Component
class CampaignCreation {

  static final String CREATED = "Campaign created successfully";
  static final Duration KEY_LIFETIME = Duration.ofHours(24);
  static final int MAX_KEY_LENGTH = 200;

  private final CampaignService service;
  private final CampaignViews views;
  private final IdempotencyKeys keys;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;

  CampaignCreation(
      CampaignService service,
      CampaignViews views,
      IdempotencyKeys keys,
      TransactionTemplate transactions,
      ObjectMapper json,
      Clock clock) {
    this.service = service;
    this.views = views;
    this.keys = keys;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  ApiResponse<CampaignView> create(
      Tenant tenant, CreateCampaignRequest requestBody, String idempotencyKey) {
    if (idempotencyKey == null) {
      return ApiResponse.ok(CREATED, views.of(service.create(tenant, read(tenant, requestBody))));
    }
    String key = idempotencyKey.trim();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new InvalidRequestException(
          "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    TextRule.require("Idempotency-Key", key); // why: the key is stored, and PostgreSQL refuses NUL
    UUID org = tenant.organizationId();
    Instant notBefore = clock.instant().minus(KEY_LIFETIME);
    Optional<String> first = keys.find(org, key, notBefore);
    if (first.isPresent()) {
      return replay(first.get());
    }
    keys.forgetExpired(org, key, notBefore);
    CreateCampaignRequest.NewCampaign request = read(tenant, requestBody);
    try {
      return transactions.execute(
          tx -> {
            ApiResponse<CampaignView> answer =
                ApiResponse.ok(CREATED, views.of(service.create(tenant, request)));
            keys.insert(org, key, json.writeValueAsString(answer), clock.instant());
            return answer;
          });
    } catch (DuplicateKeyException concurrent) {
      return replay(
          keys.find(org, key, notBefore)
              .orElseThrow(
                  () -> new ConflictException("A request with this Idempotency-Key is in flight")));
    }
  }

  private static CreateCampaignRequest.NewCampaign read(Tenant tenant, CreateCampaignRequest body) {
    return body.parse(tenant.defaultRegion());
  }

  private ApiResponse<CampaignView> replay(String stored) {
    JsonNode answer = json.readTree(stored);
    return ApiResponse.ok(
        answer.get("message").asString(), json.treeToValue(answer.get("data"), CampaignView.class));
  }
}
