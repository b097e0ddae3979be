package ai.agni.campaigns.telephony.http;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.platform.Signatures;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/calling/call-events}: an HTTP runtime reports a call's progress. No API key:
 * the body is signed with the number's {@code runtime_secret} ({@code X-Agni-Signature}, as
 * webhooks). The raw body is read as bytes, since the signature covers them exactly as sent.
 */
@Tag(name = "Calls")
@RestController
class CallEventsController {

  private final CallEventsService events;

  CallEventsController(CallEventsService events) {
    this.events = events;
  }

  /** The answer's {@code data}: whether the event changed the call. */
  record EventView(@JsonProperty("session_id") UUID sessionId, boolean applied) {}

  /** why raw bytes: the signature covers the body exactly as sent. */
  @Operation(summary = "Report a call's progress (HTTP runtimes; signed, no API key)")
  @PostMapping(HttpRuntimeAdapter.EVENTS_PATH)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = CallEventRequest.class)))
  ApiResponse<EventView> receive(
      @RequestHeader(name = Signatures.HEADER, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    CallEventsService.Receipt receipt = events.receive(signature, body);
    return ApiResponse.ok(
        receipt.applied() ? "Call event recorded" : "Call event ignored",
        new EventView(receipt.sessionId(), receipt.applied()));
  }
}
