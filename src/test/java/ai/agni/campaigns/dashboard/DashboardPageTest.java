package ai.agni.campaigns.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.testsupport.ApiTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The dashboard's page and assets load without an API key, with their security headers, while the
 * API still needs one; and the page's sources keep its rules: no markup built from strings, no
 * inline script, nothing from another host. The browser suite ({@link DashboardBrowserTest}) checks
 * what the page does.
 */
class DashboardPageTest extends ApiTestSupport {

  private static final String[] ASSETS = {"index.html", "dashboard.js", "dashboard.css"};

  @Test
  void thePageAndItsAssetsLoadWithoutAKey() throws Exception {
    MockHttpServletResponse bare = raw("/dashboard");
    assertThat(bare.getStatus()).isEqualTo(302);
    assertThat(bare.getRedirectedUrl()).isEqualTo("/dashboard/");

    MockHttpServletResponse page = raw("/dashboard/");
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getForwardedUrl()).isEqualTo("/dashboard/index.html");
    assertThat(page.getHeader("Content-Security-Policy"))
        .isEqualTo(DashboardConfiguration.POLICY)
        .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");

    MockHttpServletResponse html = raw("/dashboard/index.html");
    assertThat(html.getStatus()).isEqualTo(200);
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat(html.getContentAsString(StandardCharsets.UTF_8)).contains("Sign in");
    assertThat(raw("/dashboard/dashboard.js").getContentType()).contains("javascript");
    assertThat(raw("/dashboard/dashboard.css").getContentType()).startsWith("text/css");
    assertThat(raw("/dashboard/dashboard.js").getHeader("Content-Security-Policy")).isNotNull();
  }

  @Test
  void theApiStillNeedsAKey() throws Exception {
    MockHttpServletResponse response = raw("/api/v1/campaigns");
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("Content-Security-Policy")).isNull();
  }

  @Test
  void theSourcesBuildNoMarkupFromStringsAndLoadNothingFromElsewhere() throws IOException {
    String script = source("dashboard.js");
    for (String sink :
        new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("}) {
      assertThat(script).as(sink).doesNotContain(sink);
    }
    String html = source("index.html");
    assertThat(html).doesNotContain("<script>").doesNotContain(" style=");
    assertThat(Pattern.compile("(?i)\\son[a-z]+\\s*=").matcher(html).find())
        .as("inline event handlers")
        .isFalse();
    Pattern external = Pattern.compile("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
    for (String asset : ASSETS) {
      assertThat(external.matcher(source(asset)).find()).as(asset).isFalse();
      assertThat(source(asset)).as(asset).doesNotContain("@import").doesNotContain("url(http");
    }
  }

  private static String source(String asset) throws IOException {
    try (InputStream in =
        DashboardPageTest.class.getResourceAsStream("/static/dashboard/" + asset)) {
      assertThat(in).as(asset).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private MockHttpServletResponse raw(String path) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
  }
}
