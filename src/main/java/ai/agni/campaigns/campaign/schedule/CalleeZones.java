package ai.agni.campaigns.campaign.schedule;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A callee's own time zones (docs/api.md §12): the contact's {@code timezone} when it names a zone
 * this JVM knows, else the zones libphonenumber gives for its number, else none (the campaign's
 * zone applies). A number with several zones is judged in every one of them. Resolved once when a
 * contact is written and stored as a key: the zone ids sorted and space-separated, {@code ""} for
 * none.
 */
public final class CalleeZones {

  /** The longest key stored; a number spanning more zones than fit is judged in none of them. */
  public static final int MAX_KEY_LENGTH = 2000;

  private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

  private CalleeZones() {}

  /** The zones of a contact with this {@code timezone} (may be null) and E.164 {@code phone}. */
  public static List<ZoneId> resolve(String timezone, String phone) {
    if (timezone != null && !timezone.isBlank()) {
      try {
        return List.of(ZoneId.of(timezone.trim()));
      } catch (DateTimeException unknown) {
        // why fall through: a zone this JVM does not know must not stop the number's zones.
      }
    }
    return ofNumber(phone);
  }

  /** The zones libphonenumber gives for an E.164 number; empty when unknown or unparsable. */
  public static List<ZoneId> ofNumber(String phone) {
    if (phone == null || phone.isBlank()) {
      return List.of();
    }
    Phonenumber.PhoneNumber number;
    try {
      number = PhoneNumberUtil.getInstance().parse(phone, "ZZ");
    } catch (NumberParseException unparsable) {
      return List.of();
    }
    TreeSet<String> ids = new TreeSet<>();
    for (String id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number)) {
      if (!UNKNOWN.equals(id) && known(id)) {
        ids.add(id);
      }
    }
    return ids.stream().map(ZoneId::of).toList();
  }

  /** The stored key of these zones: sorted ids joined by spaces; "" when none or too many. */
  public static String key(List<ZoneId> zones) {
    String key = String.join(" ", new TreeSet<>(zones.stream().map(ZoneId::getId).toList()));
    return key.length() > MAX_KEY_LENGTH ? "" : key;
  }

  /** The key of a contact with this {@code timezone} and {@code phone}. */
  public static String keyOf(String timezone, String phone) {
    return key(resolve(timezone, phone));
  }

  /** The zones of a stored key; ids this JVM no longer knows are dropped. */
  public static List<ZoneId> parse(String key) {
    List<ZoneId> zones = new ArrayList<>();
    if (key == null || key.isBlank()) {
      return zones;
    }
    for (String id : key.trim().split(" +")) {
      if (known(id)) {
        zones.add(ZoneId.of(id));
      }
    }
    return zones;
  }

  private static boolean known(String id) {
    try {
      ZoneId.of(id);
      return true;
    } catch (DateTimeException unknown) {
      return false;
    }
  }
}
