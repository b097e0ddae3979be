package ai.agni.campaigns.telephony.media;

import ai.agni.campaigns.AgniCampaignsApplication;
import ai.agni.campaigns.organization.OrganizationService;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real media through the service's SIP controller, run inside a private network namespace (so that
 * baresip advertises 127.0.0.1 in its SDP): one baresip answers as the callee, with one account per
 * contact number, and records what it hears; another answers as the agent and plays a 440 Hz tone.
 * The service runs a campaign of {@link #CONTACTS} contacts over {@code provider: sip} to the
 * callee, connecting each answered call to the agent. Passes (exit 0) when every contact is {@code
 * successful} and every recording holds the tone (sox: rough frequency within 5 % of 440 Hz, RMS
 * well above silence). Started by {@link MediaCallTest}; prints one line per check.
 */
public final class MediaCallRun {

  static final int CONTACTS = 5;
  static final double TONE_HZ = 440;
  static final Path TEMPLATES = Path.of("src/test/resources/baresip");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private MediaCallRun() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "target/media").toAbsolutePath();
    Files.createDirectories(work);
    int failures = run(work);
    System.out.println(failures == 0 ? "media: PASS" : "media: FAIL (" + failures + " checks)");
    System.exit(failures == 0 ? 0 : 1);
  }

  private static int run(Path work) throws Exception {
    Path tone = work.resolve("tone.wav");
    exec(
        "sox",
        "-n",
        "-r",
        "8000",
        "-c",
        "1",
        "-b",
        "16",
        tone.toString(),
        "synth",
        "120",
        "sine",
        "440",
        "vol",
        "0.5");
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      numbers.add("+1415555" + (2000 + i));
    }
    int calleePort = freePort();
    int agentPort = freePort();
    int sipPort = freePort();
    Path calleeDir = work.resolve("callee");
    Path agentDir = work.resolve("agent");
    List<Process> peers = new ArrayList<>();
    ConfigurableApplicationContext app = null;
    try {
      peers.add(
          baresip("callee", calleeDir, calleePort, Map.of("@TONE@", tone.toString()), numbers));
      peers.add(
          baresip("agent", agentDir, agentPort, Map.of("@TONE@", tone.toString()), List.of()));
      app =
          new SpringApplication(AgniCampaignsApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=jdbc:h2:mem:media;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                  "--agni.data-dir=" + work.resolve("data"),
                  "--agni.dialer.node-id=media",
                  "--agni.sip.bind=127.0.0.1:" + sipPort,
                  "--spring.main.banner-mode=off");
      int httpPort = ((WebServerApplicationContext) app).getWebServer().getPort();
      String key =
          app.getBean(OrganizationService.class)
              .create("Media " + UUID.randomUUID(), "US", 100, 10)
              .apiKey();
      Api api = new Api(httpPort, key);
      String campaign = campaign(api, numbers, calleePort, agentPort);
      Instant deadline = Instant.now().plusSeconds(90);
      String status = "";
      while (Instant.now().isBefore(deadline)) {
        status = api.data("GET", "/campaigns/" + campaign, null).get("status").asString();
        if (status.equals("completed")) {
          break;
        }
        TimeUnit.MILLISECONDS.sleep(250); // why: a separate process, no Awaitility here
      }
      int failures = 0;
      failures += check(status.equals("completed"), "campaign completed (status " + status + ")");
      JsonNode contacts = api.data("GET", "/campaigns/" + campaign + "/contacts", null);
      for (JsonNode c : contacts) {
        failures +=
            check(
                c.get("status").asString().equals("successful"),
                "contact " + c.get("phone").asString() + " " + c.get("status").asString());
      }
      JsonNode sessions =
          api.data("GET", "/calling/call-sessions?campaign_id=" + campaign, null)
              .get("callSessions");
      for (JsonNode s : sessions) {
        System.out.println(
            "media: session "
                + s.get("callee_number").asString()
                + " "
                + s.get("status").asString()
                + "/"
                + s.get("disconnect_reason").asString()
                + " sip_call_id "
                + s.get("sip_call_id").asString());
      }
      app.close();
      app = null;
      stop(peers);
      failures += checkRecordings(calleeDir);
      failures += checkDirectMedia(calleeDir, agentDir);
      return failures;
    } finally {
      if (app != null) {
        app.close();
      }
      stop(peers);
    }
  }

  private static String campaign(Api api, List<String> numbers, int calleePort, int agentPort)
      throws Exception {
    String agent =
        api.id(
            "/agents/",
            "{\"name\":\"Tone agent\",\"ringDurationMs\":10000,\"maxCallDurationMs\":4000,"
                + "\"sipUri\":\"sip:agent@127.0.0.1:"
                + agentPort
                + "\"}");
    String number =
        api.id(
            "/phone-numbers",
            "{\"phone_number\":\"+14155550100\",\"provider\":\"sip\",\"sip_trunk_uri\":\"sip:127.0.0.1:"
                + calleePort
                + "\"}");
    List<String> ids = new ArrayList<>();
    for (String n : numbers) {
      ids.add(api.id("/contacts/", "{\"phone\":\"" + n + "\"}"));
    }
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    Instant now = Instant.now();
    // why 0.5 calls per second: the callee names recordings by the second a call's media starts.
    String campaign =
        api.id(
            "/campaigns/",
            ("{\"name\":\"Media\",\"agentId\":\"%s\",\"phoneNumberId\":\"%s\",\"fromPhoneNumber\":\"+14155550100\","
                    + "\"contactIds\":%s,\"outboundMaxCps\":0.5,\"schedule\":{\"windowStart\":\"%s\",\"windowEnd\":\"%s\","
                    + "\"windowDays\":[0,1,2,3,4,5,6],\"timezone\":\"UTC\",\"maxConcurrent\":5,\"retryAttempts\":0}}")
                .formatted(
                    agent,
                    number,
                    JSON.writeValueAsString(ids),
                    hhmm.format(now.minus(Duration.ofHours(2))),
                    hhmm.format(now.plus(Duration.ofHours(2)))));
    api.data("POST", "/campaigns/" + campaign + "/start", null);
    return campaign;
  }

  /** Each of the callee's recordings of what it heard must hold the agent's tone. */
  private static int checkRecordings(Path calleeDir) throws Exception {
    List<Path> heard;
    try (var files = Files.list(calleeDir)) {
      heard = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).sorted().toList();
    }
    int failures =
        check(heard.size() == CONTACTS, "recordings: " + heard.size() + " of " + CONTACTS);
    Pattern freq = Pattern.compile("Rough\\s+frequency:\\s+(\\d+)");
    Pattern rms = Pattern.compile("RMS\\s+amplitude:\\s+([0-9.]+)");
    for (Path wav : heard) {
      String stat = exec("sox", wav.toString(), "-n", "stat");
      Matcher f = freq.matcher(stat);
      Matcher r = rms.matcher(stat);
      double hz = f.find() ? Double.parseDouble(f.group(1)) : -1;
      double amplitude = r.find() ? Double.parseDouble(r.group(1)) : -1;
      failures +=
          check(
              Math.abs(hz - TONE_HZ) <= TONE_HZ * 0.05 && amplitude > 0.05,
              wav.getFileName() + ": rough frequency " + hz + " Hz, RMS " + amplitude);
    }
    return failures;
  }

  /**
   * RTP went straight between the two: each baresip received it from a port of the other's RTP
   * range (callee 20000-29999, agent 30000-39999), never from the service.
   */
  private static int checkDirectMedia(Path calleeDir, Path agentDir) throws IOException {
    Pattern from =
        Pattern.compile(
            "incoming rtp for 'audio' established, receiving from 127\\.0\\.0\\.1:(\\d+)");
    int failures = 0;
    for (Object[] side :
        new Object[][] {{calleeDir, 30000, "agent"}, {agentDir, 20000, "callee"}}) {
      Matcher m = from.matcher(Files.readString(((Path) side[0]).resolve("baresip.log")));
      int streams = 0;
      int direct = 0;
      while (m.find()) {
        streams++;
        int port = Integer.parseInt(m.group(1));
        direct += port >= (int) side[1] && port < (int) side[1] + 10000 ? 1 : 0;
      }
      failures +=
          check(
              streams == CONTACTS && direct == streams,
              ((Path) side[0]).getFileName()
                  + " got RTP straight from the "
                  + side[2]
                  + " in "
                  + direct
                  + " of "
                  + streams
                  + " calls");
    }
    return failures;
  }

  private static int check(boolean ok, String what) {
    System.out.println("media: " + (ok ? "ok   " : "FAIL ") + what);
    return ok ? 0 : 1;
  }

  private static Process baresip(
      String role, Path dir, int port, Map<String, String> values, List<String> users)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String config =
        Files.readString(TEMPLATES.resolve(role).resolve("config"))
            .replace("@PORT@", Integer.toString(port))
            .replace("@DIR@", dir.toString());
    for (Map.Entry<String, String> v : values.entrySet()) {
      config = config.replace(v.getKey(), v.getValue());
    }
    Files.writeString(dir.resolve("config"), config);
    String accounts = Files.readString(TEMPLATES.resolve(role).resolve("accounts"));
    if (!users.isEmpty()) {
      String line =
          accounts.lines().filter(l -> l.startsWith("<sip:@USER@")).findFirst().orElseThrow();
      StringBuilder out = new StringBuilder();
      users.forEach(u -> out.append(line.replace("@USER@", u)).append('\n'));
      accounts = out.toString();
    }
    Files.writeString(dir.resolve("accounts"), accounts);
    Process p =
        new ProcessBuilder("baresip", "-f", dir.toString())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("baresip.log").toFile())
            .start();
    TimeUnit.MILLISECONDS.sleep(300); // why: baresip binds in ~20 ms; no readiness signal
    if (!p.isAlive()) {
      throw new IllegalStateException(
          role + " baresip died: " + Files.readString(dir.resolve("baresip.log")));
    }
    return p;
  }

  /** TERM, TERM again (baresip waits for BYE answers after the first), then KILL. */
  private static void stop(List<Process> peers) throws InterruptedException {
    for (Process p : peers) {
      if (p.isAlive()) {
        p.destroy();
        if (!p.waitFor(1, TimeUnit.SECONDS)) {
          p.destroy();
          if (!p.waitFor(2, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        }
      }
    }
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 50; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        if (port >= 20000 && port < 40000) {
          continue; // why: the baresips' RTP ranges
        }
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException busy) {
          // try another
        }
      }
    }
    throw new IllegalStateException("no free port");
  }

  /** The service's HTTP API with one key. */
  private record Api(int port, String key) {

    String id(String path, String body) throws Exception {
      return data("POST", path, body).get("id").asString();
    }

    JsonNode data(String method, String path, String body) throws Exception {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                  .header("X-Api-Key", key)
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
      }
      return JSON.readTree(answer.body()).get("data");
    }
  }
}
