package ai.agni.campaigns.agent;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.PageParams;
import ai.agni.campaigns.api.Tenant;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/agents}: camelCase out, both casings in. Lists are oldest first. */
@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

  private final AgentService service;
  private final AgentRepository agents;
  private final AgentView view;

  AgentController(AgentService service, AgentRepository agents, AgentView view) {
    this.service = service;
    this.agents = agents;
    this.view = view;
  }

  @PostMapping
  ApiResponse<ObjectNode> create(Tenant tenant, @RequestBody AgentRequest request) {
    Agent agent = service.create(tenant.organizationId(), request);
    return ApiResponse.ok("Agent created successfully", view.of(agent));
  }

  @GetMapping
  ApiResponse<List<ObjectNode>> list(
      Tenant tenant,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset) {
    PageParams page = PageParams.of(limit, offset);
    List<ObjectNode> items =
        agents.list(tenant.organizationId(), page.limit(), page.offset()).stream()
            .map(view::of)
            .toList();
    return ApiResponse.list(
        "Agents fetched successfully", items, agents.count(tenant.organizationId()), page);
  }

  @GetMapping("/{id}")
  ApiResponse<ObjectNode> get(Tenant tenant, @PathVariable String id) {
    return ApiResponse.ok(
        "Agent fetched successfully", view.of(service.get(tenant.organizationId(), id)));
  }

  @PatchMapping("/{id}")
  ApiResponse<ObjectNode> update(
      Tenant tenant, @PathVariable String id, @RequestBody AgentRequest request) {
    Agent agent = service.update(tenant.organizationId(), id, request);
    return ApiResponse.ok("Agent updated successfully", view.of(agent));
  }

  @PatchMapping("/{id}/status")
  ApiResponse<ObjectNode> changeStatus(
      Tenant tenant, @PathVariable String id, @RequestBody AgentStatusRequest request) {
    AgentStatus status = request.parsed();
    Agent agent = service.changeStatus(tenant.organizationId(), id, status);
    return ApiResponse.ok("Agent status updated successfully", view.of(agent));
  }

  @DeleteMapping("/{id}")
  ApiResponse<ObjectNode> delete(Tenant tenant, @PathVariable String id) {
    Agent agent = service.delete(tenant.organizationId(), id);
    return ApiResponse.ok("Agent deleted successfully", view.of(agent));
  }
}
