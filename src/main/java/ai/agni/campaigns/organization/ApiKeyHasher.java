package ai.agni.campaigns.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates API keys (32 random bytes) and hashes them with SHA-256 for storage and lookup. */
final class ApiKeyHasher {

  static final String KEY_PREFIX = "agni_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyHasher() {}

  static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** What a listing shows of a key: enough to recognise it, too little to use it. */
  static String displayPrefix(String key) {
    return key.substring(0, Math.min(key.length(), KEY_PREFIX.length() + 6));
  }
}
