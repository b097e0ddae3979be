package ai.agni.campaigns.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agni.campaigns.AgniCampaignsApplication;
import ai.agni.campaigns.phonenumber.NumberSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service as an operator runs it by default, on an H2 file database in its data directory (here
 * a fresh temporary one), started twice: the directory is created owner-only, every file in it is
 * owner-only, the log names the bootstrap key's prefix and file but never the key, the key file is
 * generated once and reused, and the database file never holds a secret in plaintext.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestH2FileTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path temp;

  @Test
  void secretsAndKeysStayOwnerOnlyAndEncryptedAcrossRestarts(CapturedOutput output)
      throws Exception {
    Path data = temp.resolve("data");
    String password = "s3cret-" + UUID.randomUUID();
    String secret = "s3cret-" + UUID.randomUUID();
    String apiKey;
    String sipId;
    try (ConfigurableApplicationContext app = start(data)) {
      assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.OWNER_ONLY_DIRECTORY);
      try (Stream<Path> files = Files.list(data)) {
        assertThat(files)
            .extracting(f -> f.getFileName().toString())
            .contains("agni.mv.db", "bootstrap-key.txt", "secret.key")
            .allSatisfy(
                name ->
                    assertThat(Files.getPosixFilePermissions(data.resolve(name)))
                        .as(name)
                        .isEqualTo(DataDirectory.OWNER_ONLY_FILE));
      }
      Path keyFile = data.resolve("bootstrap-key.txt");
      String[] words = Files.readString(keyFile).trim().split("\\s+");
      apiKey = words[words.length - 1];
      assertThat(output.getOut())
          .contains("Its API key " + apiKey.substring(0, 11) + "...")
          .contains(keyFile.toAbsolutePath().toString())
          .contains("AGNI_SECRET_KEY is not set")
          .doesNotContain(apiKey);

      String port = app.getEnvironment().getProperty("local.server.port");
      String sip =
          post(
              port,
              apiKey,
              "{\"phone_number\":\"+14155550131\",\"friendly_name\":\"findable-friendly-name\","
                  + "\"provider\":\"sip\",\"sip_trunk_uri\":\"sip:trunk.example.com\","
                  + "\"sip_password\":\""
                  + password
                  + "\"}");
      String http =
          post(
              port,
              apiKey,
              "{\"phone_number\":\"+14155550132\",\"provider\":\"http\","
                  + "\"runtime_url\":\"https://runtime.example.com/calls\","
                  + "\"runtime_secret\":\""
                  + secret
                  + "\"}");
      assertThat(sip).contains("\"success\":true").doesNotContain(password);
      assertThat(http).contains("\"success\":true").doesNotContain(secret);
      sipId = sip.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
      assertThat(
              app.getBean(JdbcClient.class)
                  .sql("SELECT type FROM flyway_schema_history WHERE version = ?")
                  .param("92")
                  .query(String.class)
                  .single())
          .isEqualTo("JDBC");
    }

    byte[] database = Files.readAllBytes(data.resolve("agni.mv.db"));
    assertThat(contains(database, "findable-friendly-name"))
        .as("control: text is findable")
        .isTrue();
    assertThat(contains(database, password)).isFalse();
    assertThat(contains(database, secret)).isFalse();
    String key = Files.readString(data.resolve("secret.key"));
    String bootstrap = Files.readString(data.resolve("bootstrap-key.txt"));

    try (ConfigurableApplicationContext again = start(data)) {
      assertThat(Files.readString(data.resolve("secret.key"))).isEqualTo(key);
      assertThat(Files.readString(data.resolve("bootstrap-key.txt"))).isEqualTo(bootstrap);
      String stored =
          again
              .getBean(JdbcClient.class)
              .sql("SELECT sip_password FROM phone_numbers WHERE id = ?")
              .param(UUID.fromString(sipId))
              .query(String.class)
              .single();
      assertThat(again.getBean(SecretCipher.class).open(stored, NumberSecrets.SIP_PASSWORD))
          .isEqualTo(password);
    }
  }

  @Test
  void aWrongSecretKeyStopsTheStartWithAMessageNamingIt() {
    String sixteenBytes = "AAAAAAAAAAAAAAAAAAAAAA==";
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(AgniCampaignsApplication.class)
                    .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:wrong-key;MODE=PostgreSQL",
                        "--agni.data-dir=" + temp.resolve("data"),
                        "--agni.dialer.enabled=false",
                        "--agni.secret-key=" + sixteenBytes))
        .rootCause()
        .hasMessageContaining("AGNI_SECRET_KEY (agni.secret-key) decodes to 16 bytes")
        .hasMessageContaining("base64 of exactly 32 random bytes")
        .hasMessageNotContaining(sixteenBytes);
    assertThat(temp.resolve("data").resolve("secret.key")).doesNotExist();
  }

  private static ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(AgniCampaignsApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:"
                + data.toAbsolutePath().resolve("agni")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "--agni.data-dir=" + data,
            "--agni.dialer.enabled=false",
            "--agni.secret-key=",
            "--logging.level.ai.agni.campaigns=INFO");
  }

  private static String post(String port, String apiKey, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/phone-numbers"))
            .header("X-Api-Key", apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + bytes.length <= haystack.length; i++) {
      for (int j = 0; j < bytes.length; j++) {
        if (haystack[i + j] != bytes[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
