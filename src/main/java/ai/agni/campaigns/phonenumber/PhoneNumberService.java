package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.api.ConflictException;
import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.platform.Ids;
import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.webhook.WebhookEvent;
import ai.agni.campaigns.webhook.WebhookOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Importing and releasing phone numbers, each in one transaction. */
@Service
class PhoneNumberService {

  private static final Logger log = LoggerFactory.getLogger(PhoneNumberService.class);

  private final PhoneNumberRepository numbers;
  private final SecretCipher cipher;
  private final WebhookOutbox outbox;
  private final Clock clock;

  PhoneNumberService(
      PhoneNumberRepository numbers, SecretCipher cipher, WebhookOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.numbers = numbers;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** Imports a number; a released one comes back active with the new settings (and its id). */
  @Transactional
  PhoneNumber importNumber(UUID organizationId, PhoneNumberImport input) {
    Instant now = clock.instant();
    Optional<PhoneNumber> existing =
        numbers.findByNumberForUpdate(organizationId, input.phoneNumber());
    if (existing.isPresent() && existing.get().isActive()) {
      throw alreadyImported(input.phoneNumber());
    }
    if (existing.isPresent()) {
      PhoneNumber reactivated =
          input.toNumber(
              organizationId, existing.get().id(), existing.get().createdAt(), now, cipher);
      numbers.replace(reactivated);
      return reactivated;
    }
    PhoneNumber created = input.toNumber(organizationId, Ids.newId(), now, now, cipher);
    try {
      numbers.insert(created);
    } catch (DuplicateKeyException e) {
      throw alreadyImported(input.phoneNumber());
    }
    return created;
  }

  @Transactional(readOnly = true)
  PhoneNumber get(UUID organizationId, String id) {
    UUID numberId = Ids.parseOrNull(id);
    return (numberId == null
            ? Optional.<PhoneNumber>empty()
            : numbers.find(organizationId, numberId))
        .orElseThrow(() -> new NotFoundException("Phone number", id));
  }

  /**
   * Releases the number named by its E.164 form or its id, and pauses the organization's active
   * campaigns on it in the same transaction. Releasing a released number changes nothing more.
   */
  @Transactional
  PhoneNumber release(Tenant tenant, String numberOrId) {
    UUID organizationId = tenant.organizationId();
    UUID id = Ids.parseOrNull(numberOrId);
    Optional<PhoneNumber> found =
        id != null
            ? numbers.findForUpdate(organizationId, id)
            : E164.normalize(numberOrId, tenant.defaultRegion())
                .flatMap(e164 -> numbers.findByNumberForUpdate(organizationId, e164));
    PhoneNumber number = found.orElseThrow(() -> new NotFoundException("Phone number", numberOrId));
    Instant now = clock.instant();
    numbers.markReleased(organizationId, number.id(), now);
    List<UUID> pausedIds = numbers.pauseActiveCampaigns(organizationId, number.id(), now);
    pausedIds.forEach(
        campaign -> outbox.campaignMoved(organizationId, campaign, WebhookEvent.CAMPAIGN_PAUSED));
    int paused = pausedIds.size();
    if (paused > 0) {
      log.info("Released {} and paused {} active campaign(s) on it", number.phoneNumber(), paused);
    }
    return numbers.find(organizationId, number.id()).orElseThrow();
  }

  private static ConflictException alreadyImported(String e164) {
    return new ConflictException("Phone number " + e164 + " is already imported and active");
  }
}
