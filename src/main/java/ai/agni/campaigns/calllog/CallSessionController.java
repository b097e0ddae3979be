package ai.agni.campaigns.calllog;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Call sessions: list with filters, one session, and the history of one callee number. */
@Tag(name = "Calls")
@RestController
@RequestMapping("/api/v1/calling")
class CallSessionController {

  private final CallLogRepository calls;

  CallSessionController(CallLogRepository calls) {
    this.calls = calls;
  }

  @Operation(summary = "List call sessions with filters")
  @GetMapping("/call-sessions")
  ApiResponse<CallSessionList> list(Tenant tenant, @ParameterObject @Valid CallSessionQuery query) {
    return page(tenant, query.filter(tenant.defaultRegion()), query.sessionPage());
  }

  @Operation(summary = "Get one call session")
  @GetMapping("/call-sessions-detail/{sessionId}")
  ApiResponse<CallSessionView> detail(Tenant tenant, @PathVariable String sessionId) {
    UUID id = Ids.parseOrNull(sessionId);
    CallSessionView session =
        id == null ? null : calls.session(tenant.organizationId(), id).orElse(null);
    if (session == null) {
      throw new NotFoundException("Call session", sessionId);
    }
    return ApiResponse.ok("Call session fetched successfully", session);
  }

  @Operation(summary = "List the calls to one callee number, newest first")
  @GetMapping("/phone-history")
  ApiResponse<CallSessionList> phoneHistory(
      Tenant tenant, @ParameterObject @Valid PhoneHistoryQuery query) {
    return page(tenant, query.filter(tenant.defaultRegion()), query.sessionPage());
  }

  private ApiResponse<CallSessionList> page(
      Tenant tenant, CallSessionFilter filter, SessionPage page) {
    long total = calls.count(tenant.organizationId(), filter);
    List<CallSessionView> sessions =
        total <= page.offset() ? List.of() : calls.find(tenant.organizationId(), filter, page);
    return ApiResponse.list(
        "Call sessions fetched successfully",
        new CallSessionList(sessions, total, page.page(), page.pageSize()),
        total,
        new PageParams(page.pageSize(), page.offset()));
  }
}
