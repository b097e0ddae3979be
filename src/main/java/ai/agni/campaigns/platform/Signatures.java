package ai.agni.campaigns.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme of docs/api.md §8.2 for every signed request, either way: header {@code
 * X-Agni-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}, keyed with the
 * UTF-8 bytes of a secret. A header may carry several {@code v1=} values (one per secret while a
 * secret is being rotated); it is valid when any of them matches any of the receiver's secrets.
 * Comparisons take constant time; values of other schemes ({@code v0=}) are ignored.
 */
public final class Signatures {

  public static final String HEADER = "X-Agni-Signature";

  /** How far {@code t} may be from the receiver's clock, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MAX_HEADER = 4096;
  private static final HexFormat HEX = HexFormat.of();

  /** What a received header proved. */
  public enum Verdict {
    /** A {@code v1} value matches a secret and {@code t} is within the tolerance. */
    VALID,
    /** No header, or a blank one. */
    MISSING,
    /** Not {@code t=<seconds>,v1=<hex>}: no or several {@code t}, no well-formed {@code v1}. */
    MALFORMED,
    /** Well formed, but no {@code v1} value matches any secret. */
    MISMATCH,
    /** A matching signature, but {@code t} is further from now than the tolerance. */
    EXPIRED;

    public boolean valid() {
      return this == VALID;
    }
  }

  private Signatures() {}

  /** The header value for one secret: {@code t=<t>,v1=<hex>}. */
  public static String sign(String secret, long t, byte[] body) {
    return sign(List.of(secret), t, body);
  }

  /** The header value with one {@code v1} per secret, in the given order (new secret first). */
  public static String sign(List<String> secrets, long t, byte[] body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is needed to sign");
    }
    StringBuilder header = new StringBuilder("t=").append(t);
    for (String secret : secrets) {
      header.append(",v1=").append(HEX.formatHex(mac(secret, t, body)));
    }
    return header.toString();
  }

  /**
   * Checks a received header against the body as received and the receiver's secrets (null or blank
   * secrets are skipped). The timestamp is judged only once a signature matched, so a caller
   * without the secret learns nothing about it.
   */
  public static Verdict verify(
      String header, List<String> secrets, byte[] body, Instant now, Duration tolerance) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    if (header.length() > MAX_HEADER) {
      return Verdict.MALFORMED;
    }
    Long t = null;
    List<byte[]> candidates = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        return Verdict.MALFORMED;
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (key.equals("t")) {
        if (t != null || !isSeconds(value)) {
          return Verdict.MALFORMED;
        }
        t = Long.parseLong(value);
      } else if (key.equals("v1")) {
        byte[] decoded = decodeDigest(value);
        if (decoded != null) {
          candidates.add(decoded);
        }
      }
    }
    if (t == null || candidates.isEmpty()) {
      return Verdict.MALFORMED;
    }
    if (!matches(candidates, secrets, t, body)) {
      return Verdict.MISMATCH;
    }
    Duration skew = Duration.ofSeconds(Math.abs(now.getEpochSecond() - t));
    return skew.compareTo(tolerance) > 0 ? Verdict.EXPIRED : Verdict.VALID;
  }

  private static boolean matches(
      List<byte[]> candidates, List<String> secrets, long t, byte[] body) {
    boolean found = false;
    for (String secret : secrets) {
      if (secret == null || secret.isBlank()) {
        continue;
      }
      byte[] expected = mac(secret, t, body);
      for (byte[] candidate : candidates) {
        // why no early return: every comparison runs, so timing says nothing about which matched.
        found |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return found;
  }

  /** Up to 12 decimal digits: any unix time in seconds for the next 30,000 years, no sign. */
  private static boolean isSeconds(String value) {
    if (value.isEmpty() || value.length() > 12) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A SHA-256 digest in hex (either case), or null for anything else. */
  private static byte[] decodeDigest(String value) {
    if (value.length() != 64) {
      return null;
    }
    try {
      return HEX.parseHex(value.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] mac(String secret, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // why unchecked: every JDK ships HmacSHA256, and any non-empty key is valid for it.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
