package ai.agni.campaigns.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets that the service must store and later use itself (a phone number's {@code
 * sip_password} and {@code runtime_secret}; the organizations' webhook secret will use it too):
 * AES-256-GCM with a random 96-bit nonce and a 128-bit tag, as {@code v1:<base64(nonce ||
 * ciphertext || tag)>} in the same text column. The associated data is the value's purpose (e.g.
 * {@code phone_numbers.sip_password}), so a sealed value copied into another column does not open.
 *
 * <p>Open a value only where it is used (to place a call, to sign or verify a request), never to
 * show it. The key comes from {@link SecretKeySource}. Thread-safe.
 */
public final class SecretCipher {

  /** Prefix of every value sealed with the current format. */
  public static final String V1 = "v1:";

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param key exactly 32 bytes (AES-256)
   */
  public SecretCipher(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the secret key must be exactly 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** The sealed form of {@code plaintext} for {@code purpose}; null stays null. */
  public String seal(String plaintext, String purpose) {
    if (plaintext == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return V1 + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JVM", e);
    }
  }

  /**
   * The plaintext of a value sealed for {@code purpose}; null stays null.
   *
   * @throws UnreadableSecret when the value is not in a known format, was sealed with another key
   *     or for another purpose, or was altered
   */
  public String open(String sealed, String purpose) {
    if (sealed == null) {
      return null;
    }
    if (!isSealed(sealed)) {
      throw new UnreadableSecret(purpose, "it is not in the v1 format");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed.substring(V1.length()));
    } catch (IllegalArgumentException e) {
      throw new UnreadableSecret(purpose, "it is not valid base64");
    }
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new UnreadableSecret(purpose, "it is too short");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, bytes, purpose);
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      // why one message: a wrong key, a wrong purpose and tampering look the same to GCM.
      throw new UnreadableSecret(
          purpose,
          "it was sealed with another key (is AGNI_SECRET_KEY the one it was stored with?)");
    }
  }

  /** Whether the value is in a sealed format this class reads. */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(V1);
  }

  private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce, 0, NONCE_BYTES));
    cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /** A stored secret that cannot be opened; the message names the purpose, never the value. */
  public static final class UnreadableSecret extends IllegalStateException {

    UnreadableSecret(String purpose, String why) {
      super("The stored " + purpose + " cannot be decrypted: " + why);
    }
  }
}
