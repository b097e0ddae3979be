package ai.agni.campaigns.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.organization.OrganizationService;
import ai.agni.campaigns.testsupport.LiveApi;
import ai.agni.campaigns.testsupport.RealPeers;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard in a real browser (Debian's chromium, headless, through its chromedriver): sign in,
 * watch a 20-contact campaign go from draft through active and paused to completed with the page's
 * buttons, the page's counts equal to the API's {@code contactStats}, a 409's message, a revoked
 * key sending the page back to sign-in. The service runs with the dialer on its real thread and the
 * simulated carrier at short ring and talk times. Skipped with a notice when chromium or
 * chromedriver is missing, unless {@code AGNI_TEST_BROWSER=required}.
 */
@Tag("browser")
@ExtendWith(DashboardBrowserTest.Browser.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:dashboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "agni.dialer.enabled=true",
      "agni.dialer.node-id=dashboard-node",
      "agni.simulated.seed=7",
      "agni.simulated.ring-ms=100",
      // why 1 s: three at a time, the 20 contacts take several seconds, long enough to pause from
      // the page with contacts still pending even on a loaded CI machine.
      "agni.simulated.talk-ms=1000",
      "agni.simulated.outcomes=completed:0.6,no_answer:0.15,busy:0.15,failed:0.1",
      "agni.data-dir=target/test-data"
    })
class DashboardBrowserTest {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final int CONTACTS = 20;
  private static final List<String> STATS =
      List.of("total", "pending", "inProgress", "successful", "noAnswer", "failed", "contacted");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final Path OUT = Path.of("target", "dashboard-e2e");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired OrganizationService organizations;

  private String key;
  private LiveApi api;
  private int numbers;
  private WebDriver driver;
  private WebDriverWait wait;

  // why: without selenium-devtools on the class path Selenium warns once that it has no CDP
  // implementation for this Chromium; the suite uses WebDriver only.
  private static final Logger CDP = Logger.getLogger("org.openqa.selenium.devtools");

  @BeforeEach
  void startBrowser() throws IOException {
    CDP.setLevel(Level.SEVERE);
    Files.createDirectories(OUT);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .withLogFile(OUT.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    // why an explicit binary and driver: Selenium Manager never runs, nothing is downloaded.
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1800",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    wait = waiting("the page", Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void anOperatorRunsACampaignFromTheDashboard() throws Exception {
    key = organizations.create("Dashboard " + UUID.randomUUID(), "US", 100, 50).apiKey();
    api = new LiveApi(port, key);
    String campaignId = campaignWithContacts("Spring reminders <b>&amp;</b>", CONTACTS);
    String emptyId = campaignWithContacts("Empty campaign", 0);

    // The page loads without a key, from /dashboard and /dashboard/, with its security headers.
    HttpResponse<String> page = api.get("/dashboard/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
    assertThat(api.get("/dashboard/dashboard.js", null).statusCode()).isEqualTo(200);
    driver.get("http://127.0.0.1:" + port + "/dashboard");
    assertThat(driver.getCurrentUrl()).endsWith("/dashboard/");

    // A wrong key shows the API's message and stays on sign-in.
    signIn("not-a-key");
    waitForText(By.id("sign-in-error"), "Invalid or revoked API key");
    signIn(key);

    // The list: both campaigns, the name as text (no markup), nothing done yet.
    WebElement row = waitFor(By.cssSelector("tr[data-campaign-id='" + campaignId + "']"));
    assertThat(row.findElement(By.tagName("a")).getText())
        .isEqualTo("Spring reminders <b>&amp;</b>");
    assertThat(row.getText()).contains("draft").contains("0 / " + CONTACTS);
    waitFor(By.cssSelector("tr[data-campaign-id='" + emptyId + "']"));

    // The campaign page, in draft.
    row.findElement(By.tagName("a")).click();
    waitForText(By.id("campaign-status"), "draft");
    awaitPageMatchesApi(campaignId);
    assertThat(apiStats(campaignId).get("pending")).isEqualTo(CONTACTS);
    assertThat(waitFor(By.id("schedule")).getText()).contains("UTC").contains("every day");

    // Start from the page, and pause at once, with contacts still pending; once the live calls
    // end the counts hold still and the page shows exactly the API's.
    click("action-start");
    waitForText(By.id("action-message"), "Campaign started successfully");
    waitForText(By.id("campaign-status"), "active");
    click("action-pause");
    waitForText(By.id("action-message"), "Campaign paused successfully");
    waitForText(By.id("campaign-status"), "paused");
    assertThat(apiCampaign(campaignId).get("status").asString()).isEqualTo("paused");
    wait.until(d -> apiStats(campaignId).get("inProgress") == 0);
    Map<String, Long> paused = awaitPageMatchesApi(campaignId);
    assertThat(paused.get("pending")).as("paused before the end").isPositive();
    assertThat(driver.findElement(By.id("action-resume")).isEnabled()).isTrue();
    assertThat(driver.findElement(By.id("action-pause")).isEnabled()).isFalse();

    // Resume from the page; the counts move on the page without a reload, and it runs to
    // completed by itself.
    click("action-resume");
    waitForText(By.id("action-message"), "Campaign resumed successfully");
    assertThat(apiCampaign(campaignId).get("status").asString()).isIn("active", "completed");
    wait.until(d -> pageStats().get("contacted") > paused.get("contacted"));
    waiting("the campaign to complete", Duration.ofSeconds(60))
        .until(d -> d.findElement(By.id("campaign-status")).getText().startsWith("completed"));
    Map<String, Long> done = awaitPageMatchesApi(campaignId);
    assertThat(done.get("pending")).isZero();
    assertThat(done.get("contacted")).isEqualTo(CONTACTS);
    assertThat(done.get("successful") + done.get("noAnswer") + done.get("failed"))
        .isEqualTo(CONTACTS);
    for (String action : List.of("start", "pause", "resume", "complete")) {
      assertThat(driver.findElement(By.id("action-" + action)).isEnabled()).isFalse();
    }

    // The chart counts every finished call of the last hour; the tables show calls and contacts.
    long sessions = callSessionTotal(campaignId);
    assertThat(sessions).isEqualTo(CONTACTS);
    wait.until(d -> legendTotal() == sessions);
    assertThat(driver.findElements(By.cssSelector("#chart rect.bar"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#call-rows tr"))).hasSize(20);
    wait.until(
        d ->
            d.findElements(By.cssSelector("#contact-rows tr")).size() == CONTACTS
                && d.findElements(By.cssSelector("#contact-rows .state.pending")).isEmpty());
    screenshot("campaign.png");

    // A refused action shows the API's 409 message: starting a campaign without contacts.
    driver.findElement(By.cssSelector("#nav a")).click();
    waitFor(By.cssSelector("tr[data-campaign-id='" + emptyId + "'] a")).click();
    waitForText(By.id("campaign-status"), "draft");
    click("action-start");
    HttpResponse<String> refused = api.post("/api/v1/campaigns/" + emptyId + "/start", key);
    assertThat(refused.statusCode()).isEqualTo(409);
    String conflict = json.readTree(refused.body()).get("message").asString();
    assertThat(conflict).isNotBlank();
    waitForText(By.id("action-message"), conflict);
    assertThat(driver.findElement(By.id("action-message")).getAttribute("class")).contains("error");
    screenshot("conflict.png");

    // Back on the list: the campaign completed, all its contacts final.
    driver.findElement(By.cssSelector("#nav a")).click();
    waiting("the list to show the completed campaign", Duration.ofSeconds(30))
        .until(
            d ->
                d.findElement(By.cssSelector("tr[data-campaign-id='" + campaignId + "']"))
                    .getText()
                    .contains("completed"));
    assertThat(
            driver
                .findElement(By.cssSelector("tr[data-campaign-id='" + campaignId + "']"))
                .getText())
        .contains(CONTACTS + " / " + CONTACTS);
    screenshot("campaigns.png");

    // Sign out, then a key revoked while signed in sends the page back to sign-in.
    click("sign-out");
    waitFor(By.id("api-key"));
    assertThat(sessionKey()).isNull();
    JsonNode second =
        json.readTree(api.ok("POST", "/api/v1/api-keys", "{\"name\":\"revoked soon\"}"));
    signIn(second.at("/data/api_key").asString());
    // Signing in again returns to the page that was open (the address keeps it): the list.
    waitFor(By.cssSelector("tr[data-campaign-id='" + campaignId + "']"));
    api.ok("DELETE", "/api/v1/api-keys/" + second.at("/data/id").asString(), null);
    waitForText(By.id("sign-in-error"), "Invalid or revoked API key");
    assertThat(driver.findElement(By.id("sign-in-view")).isDisplayed()).isTrue();
    assertThat(sessionKey()).isNull();

    assertNoScriptErrors();
  }

  // --- the page --------------------------------------------------------------------------------

  private void signIn(String apiKey) {
    WebElement input = waitFor(By.id("api-key"));
    input.clear();
    input.sendKeys(apiKey);
    driver.findElement(By.id("sign-in")).click();
  }

  private WebDriverWait waiting(String what, Duration timeout) {
    WebDriverWait waiting = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    waiting.ignoring(StaleElementReferenceException.class);
    waiting.withMessage(what);
    return waiting;
  }

  private void click(String id) {
    wait.until(d -> d.findElement(By.id(id)).isEnabled());
    driver.findElement(By.id(id)).click();
  }

  private WebElement waitFor(By by) {
    return wait.until(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  private void waitForText(By by, String text) {
    waiting(by + " to show '" + text + "'", Duration.ofSeconds(30))
        .until(d -> d.findElement(by).isDisplayed() && d.findElement(by).getText().contains(text));
  }

  private Map<String, Long> pageStats() {
    Map<String, Long> stats = new LinkedHashMap<>();
    for (String name : STATS) {
      String text = driver.findElement(By.cssSelector("[data-stat='" + name + "']")).getText();
      stats.put(name, text.matches("\\d+") ? Long.parseLong(text) : -1L);
    }
    return stats;
  }

  /** Waits until the page shows exactly the API's contactStats of one moment; answers them. */
  private Map<String, Long> awaitPageMatchesApi(String campaignId) {
    AtomicReference<Map<String, Long>> matched = new AtomicReference<>();
    waiting("the page's counts to equal the API's contactStats", Duration.ofSeconds(30))
        .until(
            d -> {
              Map<String, Long> api = apiStats(campaignId);
              if (!pageStats().equals(api)) {
                return false;
              }
              matched.set(api);
              return true;
            });
    return matched.get();
  }

  private long legendTotal() {
    long total = 0;
    for (WebElement item : driver.findElements(By.cssSelector("#chart-legend li strong"))) {
      total += Long.parseLong(item.getText().trim());
    }
    return total;
  }

  private Object sessionKey() {
    return ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("return sessionStorage.getItem('agni.apiKey');");
  }

  private void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** No script error and no Content Security Policy violation in the browser's console. */
  private void assertNoScriptErrors() {
    List<String> problems =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(
                m ->
                    m.contains("Content Security Policy")
                        || m.contains("Uncaught")
                        || m.contains("TypeError"))
            .toList();
    assertThat(problems).isEmpty();
  }

  // --- the API ---------------------------------------------------------------------------------

  /** A draft campaign, open all day every day in UTC, three calls at a time, no retries. */
  private String campaignWithContacts(String name, int contacts) throws Exception {
    String agent =
        api.ok("POST", "/api/v1/agents/", "{\"name\":\"Agent\",\"ringDurationMs\":1000}");
    String caller = "+1415555%04d".formatted(100 + numbers++);
    String number =
        api.ok(
            "POST",
            "/api/v1/phone-numbers",
            "{\"phone_number\":\"%s\",\"max_concurrent\":4}".formatted(caller));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String body =
        """
        {"name":%s,"agentId":"%s","phoneNumberId":"%s","fromPhoneNumber":"%s","contactIds":[],
         "schedule":{"windowStart":"%s","windowEnd":"%s","windowDays":[0,1,2,3,4,5,6],
                     "timezone":"UTC","maxConcurrent":3,"retryAttempts":0,"retryGapMin":1}}
        """
            .formatted(
                json.writeValueAsString(name),
                json.readTree(agent).at("/data/id").asString(),
                json.readTree(number).at("/data/id").asString(),
                caller,
                now.minusHours(1).format(HH_MM),
                now.plusHours(2).format(HH_MM));
    String id = json.readTree(api.ok("POST", "/api/v1/campaigns/", body)).at("/data/id").asString();
    if (contacts > 0) {
      StringBuilder csv = new StringBuilder("phone,first_name,last_name\n");
      for (int i = 0; i < contacts; i++) {
        csv.append("+1415555%04d,Dash,Contact%d\n".formatted(3000 + i, i));
      }
      api.postCsv("/api/v1/contacts/import?campaign_id=" + id, csv.toString());
    }
    return id;
  }

  private JsonNode apiCampaign(String id) {
    return json.readTree(api.ok("GET", "/api/v1/campaigns/" + id, null)).get("data");
  }

  private Map<String, Long> apiStats(String id) {
    JsonNode stats = apiCampaign(id).get("contactStats");
    Map<String, Long> out = new LinkedHashMap<>();
    for (String name : STATS) {
      out.put(name, stats.get(name).asLong());
    }
    return out;
  }

  private long callSessionTotal(String campaignId) throws Exception {
    return json.readTree(
            api.ok(
                "GET",
                "/api/v1/calling/call-sessions?campaign_id=" + campaignId + "&page_size=1",
                null))
        .at("/data/total")
        .asLong();
  }

  /** chromium and chromedriver (Debian packages chromium, chromium-driver). */
  static final class Browser implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean found =
          RealPeers.installed(CHROMIUM, "--version")
              && RealPeers.installed(CHROMEDRIVER, "--version");
      return RealPeers.condition(
          "browser",
          found,
          "needs chromium and chromedriver (apt-get install chromium chromium-driver)");
    }
  }
}
