package ai.agni.campaigns.dnc;

import ai.agni.campaigns.api.NotFoundException;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.phonenumber.E164;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding numbers to and removing them from the do-not-call list. */
@Service
class DncService {

  private final DncRepository dnc;
  private final Clock clock;

  DncService(DncRepository dnc, Clock clock) {
    this.dnc = dnc;
    this.clock = clock;
  }

  /** Lists the numbers; ones listed already are accepted and not counted as added. */
  @Transactional
  Added add(UUID organizationId, List<String> phones) {
    Instant now = clock.instant();
    int added = 0;
    for (String phone : phones) {
      added += dnc.add(organizationId, phone, now) ? 1 : 0;
    }
    return new Added(added, phones);
  }

  @Transactional
  DncEntry remove(Tenant tenant, String phone) {
    String e164 = E164.normalize(phone, tenant.defaultRegion()).orElse(null);
    DncEntry entry = e164 == null ? null : dnc.find(tenant.organizationId(), e164).orElse(null);
    if (entry == null) {
      throw new NotFoundException("Do-not-call number", phone);
    }
    dnc.remove(tenant.organizationId(), e164);
    return entry;
  }

  /** How many numbers were newly listed, and every sent number in E.164, without repeats. */
  @Schema(name = "DncAdded")
  record Added(int added, List<String> phones) {}
}
