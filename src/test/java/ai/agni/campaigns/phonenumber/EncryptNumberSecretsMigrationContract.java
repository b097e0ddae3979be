package ai.agni.campaigns.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.organization.EncryptWebhookSecretsMigration;
import ai.agni.campaigns.organization.Organization;
import ai.agni.campaigns.testsupport.MigrationTestBase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations that seal the secrets of existing databases (phone numbers' at version 92, the
 * organizations' webhook secrets at 93): a schema migrated up to the version before it holds
 * plaintext rows; after it, each column holds {@code v1:...} that opens to the original, and rows
 * without secrets stay without. Run on each database by its subclass.
 */
abstract class EncryptNumberSecretsMigrationContract extends MigrationTestBase {

  /** This database's last migration before the sealing one. */
  abstract String previousVersion();

  @Test
  void existingPlaintextSecretsAreSealedInPlace() {
    flyway().target(previousVersion()).load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource());
    UUID org = anOrganization(jdbc);
    // why 500 three-byte characters: the longest secret the API takes, widest in UTF-8.
    String longest = "€".repeat(500);
    UUID sip = number(jdbc, org, "+14155550121", "sip", "s3cret-pw", null);
    UUID http = number(jdbc, org, "+14155550122", "http", null, "s3cret-runtime");
    UUID wide = number(jdbc, org, "+14155550123", "sip", longest, "v1:looks-sealed-but-is-not");
    UUID plain = number(jdbc, org, "+14155550124", "simulated", null, null);

    MigrationResult result = migrate();

    assertThat(applied(result))
        .contains(EncryptNumberSecretsMigration.VERSION, EncryptWebhookSecretsMigration.VERSION);
    String webhookSecret =
        jdbc.sql("SELECT webhook_secret FROM organizations WHERE id = ?")
            .param(org)
            .query(String.class)
            .single();
    assertColumn(webhookSecret, "whsec", Organization.WEBHOOK_SECRET);
    assertSealed(jdbc, sip, "s3cret-pw", null);
    assertSealed(jdbc, http, null, "s3cret-runtime");
    assertSealed(jdbc, wide, longest, "v1:looks-sealed-but-is-not");
    assertSealed(jdbc, plain, null, null);
  }

  @Test
  void anEmptyDatabaseMigratesStraightThrough() {
    assertThat(applied(migrate()))
        .contains(EncryptNumberSecretsMigration.VERSION, EncryptWebhookSecretsMigration.VERSION);
  }

  // why the versions applied, not the last one: later migrations run after these two.
  private static List<String> applied(MigrationResult result) {
    return result.applied();
  }

  private MigrationResult migrate() {
    Flyway flyway =
        flyway()
            .javaMigrations(
                new EncryptNumberSecretsMigration(cipher),
                new EncryptWebhookSecretsMigration(cipher))
            .load();
    flyway.migrate();
    flyway.validate();
    return new MigrationResult(
        Arrays.stream(flyway.info().applied())
            .filter(m -> m.getVersion() != null && m.getState().isApplied())
            .filter(m -> !m.getState().isFailed())
            .map(m -> m.getVersion().getVersion())
            .toList());
  }

  /** The versions applied successfully, in order. */
  private record MigrationResult(List<String> applied) {}

  private void assertSealed(JdbcClient jdbc, UUID id, String password, String secret) {
    Map<String, Object> row =
        jdbc.sql("SELECT sip_password, runtime_secret FROM phone_numbers WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertColumn((String) row.get("sip_password"), password, NumberSecrets.SIP_PASSWORD);
    assertColumn((String) row.get("runtime_secret"), secret, NumberSecrets.RUNTIME_SECRET);
  }

  private void assertColumn(String stored, String original, String purpose) {
    if (original == null) {
      assertThat(stored).isNull();
      return;
    }
    assertThat(stored).startsWith("v1:").isNotEqualTo(original).doesNotContain(original);
    assertThat(cipher.open(stored, purpose)).isEqualTo(original);
  }

  private static UUID number(
      JdbcClient jdbc, UUID org, String e164, String provider, String password, String secret) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO phone_numbers (id, organization_id, phone_number, provider, status,"
                + " sip_trunk_uri, sip_password, runtime_url, runtime_secret, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            org,
            e164,
            provider,
            provider.equals("sip") ? "sip:trunk.example.com" : null,
            password,
            provider.equals("http") ? "https://runtime.example.com/calls" : null,
            secret,
            NOW,
            NOW)
        .update();
    return id;
  }
}
