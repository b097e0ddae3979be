package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.PageQuery;
import ai.agni.campaigns.api.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/agents}: camelCase out, both casings in. Lists are oldest first. */
@Tag(name = "Agents")
@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

  private final AgentService service;
  private final AgentRepository agents;

  AgentController(AgentService service, AgentRepository agents) {
    this.service = service;
    this.agents = agents;
  }

  @Operation(summary = "Create an agent")
  @PostMapping
  ApiResponse<AgentView> create(Tenant tenant, @RequestBody AgentRequest request) {
    Agent agent = service.create(tenant.organizationId(), request);
    return ApiResponse.ok("Agent created successfully", AgentView.of(agent));
  }

  @Operation(summary = "List agents")
  @GetMapping
  ApiResponse<List<AgentView>> list(Tenant tenant, @ParameterObject @Valid PageQuery paging) {
    PageParams page = paging.page();
    List<AgentView> items =
        agents.list(tenant.organizationId(), page.limit(), page.offset()).stream()
            .map(AgentView::of)
            .toList();
    return ApiResponse.list(
        "Agents fetched successfully", items, agents.count(tenant.organizationId()), page);
  }

  @Operation(summary = "Get an agent")
  @GetMapping("/{id}")
  ApiResponse<AgentView> get(Tenant tenant, @PathVariable String id) {
    return ApiResponse.ok(
        "Agent fetched successfully", AgentView.of(service.get(tenant.organizationId(), id)));
  }

  @Operation(summary = "Update an agent (partial)")
  @PatchMapping("/{id}")
  ApiResponse<AgentView> update(
      Tenant tenant, @PathVariable String id, @RequestBody AgentRequest request) {
    Agent agent = service.update(tenant.organizationId(), id, request);
    return ApiResponse.ok("Agent updated successfully", AgentView.of(agent));
  }

  @Operation(summary = "Change an agent's status")
  @PatchMapping("/{id}/status")
  ApiResponse<AgentView> changeStatus(
      Tenant tenant, @PathVariable String id, @RequestBody AgentStatusRequest request) {
    AgentStatus status = request.parsed();
    Agent agent = service.changeStatus(tenant.organizationId(), id, status);
    return ApiResponse.ok("Agent status updated successfully", AgentView.of(agent));
  }

  @Operation(summary = "Delete an agent that no active campaign uses")
  @DeleteMapping("/{id}")
  ApiResponse<AgentView> delete(Tenant tenant, @PathVariable String id) {
    Agent agent = service.delete(tenant.organizationId(), id);
    return ApiResponse.ok("Agent deleted successfully", AgentView.of(agent));
  }
}
