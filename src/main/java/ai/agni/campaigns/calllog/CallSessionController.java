package ai.agni.campaigns.calllog;

import static io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Call sessions: list with filters, one session, and the history of one callee number. */
@RestController
@RequestMapping("/api/v1/calling")
class CallSessionController {

  private final CallLogRepository calls;

  CallSessionController(CallLogRepository calls) {
    this.calls = calls;
  }

  @GetMapping("/call-sessions")
  @Parameters({
    @Parameter(name = "page", in = QUERY, description = "1-based, default 1"),
    @Parameter(name = "page_size", in = QUERY, description = "1..1000, default 20"),
    @Parameter(name = "campaign_id", in = QUERY),
    @Parameter(name = "agent_id", in = QUERY),
    @Parameter(name = "contact_id", in = QUERY),
    @Parameter(name = "status", in = QUERY, description = "one status or a comma-separated list"),
    @Parameter(name = "caller_number", in = QUERY),
    @Parameter(name = "callee_number", in = QUERY),
    @Parameter(name = "started_after", in = QUERY, description = "ISO-8601 instant or date"),
    @Parameter(name = "started_before", in = QUERY, description = "ISO-8601 instant or date"),
    @Parameter(name = "sort_order", in = QUERY, description = "asc | desc (default)")
  })
  ApiResponse<CallSessionList> list(
      Tenant tenant, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    CallQueryParams query = new CallQueryParams(params, tenant.defaultRegion());
    return page(tenant, query.filter(), query.page());
  }

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

  @GetMapping("/phone-history")
  @Parameters({
    @Parameter(name = "phone", in = QUERY, required = true),
    @Parameter(name = "page", in = QUERY, description = "1-based, default 1"),
    @Parameter(name = "page_size", in = QUERY, description = "1..1000, default 20")
  })
  ApiResponse<CallSessionList> phoneHistory(
      Tenant tenant, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    CallQueryParams query = new CallQueryParams(params, tenant.defaultRegion());
    CallSessionFilter filter = CallSessionFilter.byCallee(query.requiredPhone("phone"));
    return page(tenant, filter, query.page());
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
