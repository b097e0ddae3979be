package ai.agni.campaigns.calling;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.calllog.CallRecordRepository;
import ai.agni.campaigns.dnc.DncRepository;
import ai.agni.campaigns.phonenumber.E164;
import ai.agni.campaigns.platform.Ids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Places one call outside campaigns: validates it, stores it as a waiting {@code queued} call, and
 * tells the engine, which dials it as soon as the organization's, the number's and the rate caps
 * allow (at once when there is room). A number on the do-not-call list is a 409.
 */
@Service
class CreateCallService {

  private final SingleCallRepository calls;
  private final CallRecordRepository records;
  private final DncRepository dnc;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  CreateCallService(
      SingleCallRepository calls,
      CallRecordRepository records,
      DncRepository dnc,
      ApplicationEventPublisher events,
      ObjectMapper json,
      Clock clock) {
    this.calls = calls;
    this.records = records;
    this.dnc = dnc;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  UUID create(Tenant tenant, CreateCallRequest request) {
    SentFields body = request.sent();
    String type = request.type().trim();
    if (type.equalsIgnoreCase("web_call")) {
      throw new InvalidRequestException(body.field("type"), "web_call is not supported");
    }
    if (!type.equalsIgnoreCase("outbound_call")) {
      throw new InvalidRequestException(body.field("type"), "must be outbound_call");
    }
    UUID org = tenant.organizationId();
    UUID agent = Ids.parseOrNull(request.agentId().trim());
    if (agent == null || !calls.agentExists(org, agent)) {
      throw new InvalidRequestException(body.field("agentId"), "no such agent");
    }
    String from = number(body, "fromPhoneNumber", request.fromPhoneNumber(), tenant);
    UUID line =
        calls
            .activeLine(org, from)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        body.field("fromPhoneNumber"), "not an active number of the organization"));
    String to = number(body, "toPhoneNumber", request.toPhoneNumber(), tenant);
    if (dnc.contains(org, to)) {
      throw new ConflictException("to_phone_number is on the do-not-call list");
    }
    UUID session = Ids.newId();
    records.insertQueued(session, org, agent, line, from, to, metadata(request), clock.instant());
    calls.enqueue(session, org, clock.instant());
    // why an event: the engine listens after the commit, and this feature needs no engine type.
    events.publishEvent(new SingleCallQueued(org, session));
    return session;
  }

  private static String number(SentFields body, String field, String value, Tenant tenant) {
    return E164.normalize(value.trim(), tenant.defaultRegion())
        .orElseThrow(() -> new InvalidRequestException(body.field(field), "not a phone number"));
  }

  private String metadata(CreateCallRequest request) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode metadata = request.metadata();
    JsonNode variables = request.promptDynamicVariables();
    if (metadata != null && !metadata.isNull()) {
      out.put("metadata", metadata);
    }
    if (variables != null && !variables.isNull()) {
      out.put("prompt_dynamic_variables", variables);
    }
    return json.writeValueAsString(out);
  }
}
