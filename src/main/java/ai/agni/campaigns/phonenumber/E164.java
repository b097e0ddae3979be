package ai.agni.campaigns.phonenumber;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises phone numbers to E.164 with libphonenumber. Input may be any form libphonenumber
 * parses with the organization's default region ({@code (415) 555-0100} with region US); the result
 * must be a valid number.
 */
public final class E164 {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private E164() {}

  /** The E.164 form, or empty when the input is not a valid phone number. */
  public static Optional<String> normalize(String input, String defaultRegion) {
    if (input == null || input.isBlank() || input.length() > 64) {
      return Optional.empty();
    }
    try {
      Phonenumber.PhoneNumber parsed =
          UTIL.parse(
              input.trim(), defaultRegion == null ? "US" : defaultRegion.toUpperCase(Locale.ROOT));
      if (!UTIL.isValidNumber(parsed)) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  public static boolean isKnownRegion(String region) {
    return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
  }
}
