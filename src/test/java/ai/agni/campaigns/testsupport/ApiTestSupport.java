package ai.agni.campaigns.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import ai.agni.campaigns.organization.OrganizationService;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Base of HTTP-level tests: the whole application on an in-memory H2 database, driven through
 * MockMvc with every filter. The dialer is off so state only changes through the API. Each test
 * creates its own organization, so tests share one context without seeing each other's data.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=false",
      "agni.admin-token=test-admin-token",
      "agni.data-dir=target/test-data"
    })
@AutoConfigureMockMvc
public abstract class ApiTestSupport {

  @Autowired protected MockMvc mvc;
  @Autowired protected ObjectMapper objectMapper;
  @Autowired protected OrganizationService organizationService;

  /** A fresh organization and its API key. */
  protected TestOrg newOrganization() {
    OrganizationService.CreatedOrganization created =
        organizationService.create("Org " + UUID.randomUUID(), "US", 100, 10);
    return new TestOrg(created.organization().id(), created.apiKey());
  }

  protected ApiResult get(TestOrg org, String path) {
    return call(HttpMethod.GET, path, org, null);
  }

  protected ApiResult post(TestOrg org, String path, String json) {
    return call(HttpMethod.POST, path, org, json);
  }

  protected ApiResult patch(TestOrg org, String path, String json) {
    return call(HttpMethod.PATCH, path, org, json);
  }

  protected ApiResult delete(TestOrg org, String path) {
    return call(HttpMethod.DELETE, path, org, null);
  }

  protected ApiResult delete(TestOrg org, String path, String json) {
    return call(HttpMethod.DELETE, path, org, json);
  }

  protected ApiResult call(HttpMethod method, String path, TestOrg org, String json) {
    MockHttpServletRequestBuilder builder = request(method, path);
    if (org != null) {
      builder.header("X-Api-Key", org.apiKey());
    }
    if (json != null) {
      builder.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return perform(builder);
  }

  /** Performs any request (multipart builders included) and parses the answer. */
  protected ApiResult perform(RequestBuilder builder) {
    try {
      MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
      String body = response.getContentAsString(StandardCharsets.UTF_8);
      JsonNode json = body.isEmpty() ? null : objectMapper.readTree(body);
      return new ApiResult(response.getStatus(), json, body);
    } catch (Exception e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  /** Builds JSON from single quotes, to keep test bodies readable: {@code json("{'a':1}")}. */
  protected static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** An organization created for one test. */
  public record TestOrg(UUID id, String apiKey) {}
}
