package ai.agni.campaigns.contact;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code search} filter of the contact list: a case-insensitive substring of the full name,
 * email or phone. When the text looks like a phone number, the phone also matches on the digits
 * alone, so {@code (415) 555-01} finds {@code +14155550100}.
 */
record ContactSearch(String sql, Map<String, Object> params) {

  static final ContactSearch NONE = new ContactSearch("", Map.of());

  static ContactSearch of(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    String term = text.strip().toLowerCase(Locale.ROOT);
    // why: only a phone-like search ("(415) 555-01") also matches on digits; "john 2" does not
    String digits = term.matches("[0-9+()\\-.\\s]+") ? term.replaceAll("[^0-9]", "") : "";
    String sql =
        " AND (LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) LIKE :term"
            + " ESCAPE '\\' OR LOWER(email) LIKE :term ESCAPE '\\' OR phone LIKE :term ESCAPE '\\'"
            + (digits.isEmpty() ? "" : " OR phone LIKE :digits")
            + ")";
    return new ContactSearch(
        sql,
        digits.isEmpty()
            ? Map.of("term", contains(term))
            : Map.of("term", contains(term), "digits", "%" + digits + "%"));
  }

  private static String contains(String term) {
    String escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
