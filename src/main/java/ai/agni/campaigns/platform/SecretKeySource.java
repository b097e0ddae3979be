package ai.agni.campaigns.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the {@link SecretCipher}: {@code AGNI_SECRET_KEY} ({@code agni.secret-key}), the
 * base64 of exactly 32 random bytes ({@code openssl rand -base64 32}); any other value stops the
 * start-up. When it is unset, the key is {@code <data-dir>/secret.key}, generated (mode 0600) on
 * first start and reused afterwards, with a warning at every start: production should set the
 * variable (every node of a cluster the same), and losing the file makes the stored secrets
 * unreadable.
 */
@Configuration(proxyBeanMethods = false)
public class SecretKeySource {

  public static final String FILE_NAME = "secret.key";

  private static final Logger log = LoggerFactory.getLogger(SecretKeySource.class);
  private static final int KEY_BYTES = 32;
  private static final String HOW =
      "the base64 of exactly 32 random bytes (openssl rand -base64 32)";

  @Bean
  SecretCipher secretCipher(
      @Value("${agni.secret-key:}") String configured, AgniProperties properties) {
    return new SecretCipher(load(configured, properties.dataDir()));
  }

  /** The configured key, else the key file's (created when missing). */
  public static byte[] load(String configured, Path dataDir) {
    if (configured != null && !configured.isBlank()) {
      return decode(configured, "AGNI_SECRET_KEY (agni.secret-key)");
    }
    Path file = dataDir.resolve(FILE_NAME);
    try {
      DataDirectory.prepare(dataDir);
      byte[] fresh = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(fresh);
      boolean created =
          DataDirectory.createPrivate(file, Base64.getEncoder().encodeToString(fresh) + "\n");
      log.warn(
          "AGNI_SECRET_KEY is not set: stored secrets are encrypted with the key {} {}. Set"
              + " AGNI_SECRET_KEY in production (the same on every node); if this file is lost,"
              + " the stored SIP passwords and runtime secrets cannot be decrypted.",
          created ? "generated in" : "in",
          file.toAbsolutePath());
      return decode(Files.readString(file, StandardCharsets.UTF_8), "The key file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
    }
  }

  private static byte[] decode(String value, String what) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(what + " is not valid base64; it must be " + HOW);
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(
          what + " decodes to " + key.length + " bytes; it must be " + HOW);
    }
    return key;
  }
}
