package ai.agni.campaigns.organization;

import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.SecretCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates organizations with their first key, and issues further keys. */
@Service
public class OrganizationService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final OrganizationRepository organizations;
  private final ApiKeyRepository keys;
  private final SecretCipher cipher;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  OrganizationService(
      OrganizationRepository organizations,
      ApiKeyRepository keys,
      SecretCipher cipher,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.organizations = organizations;
    this.keys = keys;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** An organization and its first API key (shown once), in one transaction. */
  @Transactional
  public CreatedOrganization create(
      String name, String defaultRegion, int maxConcurrent, double maxCps) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Organization org =
        new Organization(
            Ids.newId(),
            name,
            defaultRegion,
            maxConcurrent,
            maxCps,
            cipher.seal(HexFormat.of().formatHex(secret), Organization.WEBHOOK_SECRET),
            clock.instant());
    organizations.insert(org);
    IssuedKey key = issueKey(org.id(), "default");
    return new CreatedOrganization(org, key.plainKey());
  }

  IssuedKey issueKey(UUID organizationId, String name) {
    String plain = ApiKeyHasher.newKey();
    ApiKey stored =
        new ApiKey(
            Ids.newId(),
            organizationId,
            name,
            ApiKeyHasher.displayPrefix(plain),
            ApiKeyHasher.hash(plain),
            clock.instant(),
            null);
    keys.insert(stored);
    return new IssuedKey(stored, plain);
  }

  /** The organization with its rules. */
  @Transactional(readOnly = true)
  public Settings settings(UUID organizationId) {
    Organization org = organizations.find(organizationId).orElseThrow(() -> gone(organizationId));
    return new Settings(org, organizations.rules(organizationId));
  }

  /** The organization after the patch: only the fields sent change. */
  @Transactional
  Settings update(UUID organizationId, OrganizationUpdateRequest request) {
    Organization org = organizations.lock(organizationId).orElseThrow(() -> gone(organizationId));
    OrganizationRules before = organizations.rules(organizationId);
    OrganizationUpdateRequest.Changes changes = request.applyTo(org, before);
    organizations.update(organizationId, changes.name(), changes.defaultRegion(), changes.rules());
    if (!changes.rules().equals(before)) {
      events.publishEvent(new OrganizationRulesChanged(organizationId));
    }
    return settings(organizationId);
  }

  /** why not a 404: the key was checked against this organization moments ago. */
  private static IllegalStateException gone(UUID organizationId) {
    return new IllegalStateException("organization " + organizationId + " of a valid key is gone");
  }

  /** An organization and its calling hours and frequency caps. */
  public record Settings(Organization organization, OrganizationRules rules) {}

  /** An organization with the plain text of its first key. */
  public record CreatedOrganization(Organization organization, String apiKey) {}
}
