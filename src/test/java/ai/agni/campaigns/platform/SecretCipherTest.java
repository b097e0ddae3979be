package ai.agni.campaigns.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The sealed format: AES-256-GCM, a fresh nonce per value, bound to its purpose and key. */
class SecretCipherTest {

  private static final String PURPOSE = "phone_numbers.sip_password";

  private final SecretCipher cipher = new SecretCipher(key());

  @Test
  void aSealedValueIsVersionedBase64OfNonceCiphertextAndTagAndOpensToTheOriginal() {
    String secret = "s3cret-pw ünïcode 🔑";
    String sealed = cipher.seal(secret, PURPOSE);

    assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    int utf8 = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(raw).hasSize(12 + utf8 + 16);
    assertThat(cipher.open(sealed, PURPOSE)).isEqualTo(secret);
    assertThat(SecretCipher.isSealed(sealed)).isTrue();
    assertThat(SecretCipher.isSealed(secret)).isFalse();
  }

  @Test
  void opensAValueSealedElsewhereWithTheSameScheme() {
    // why: computed independently, with Python's cryptography AESGCM(key).encrypt(nonce,
    // b"s3cret-pw", b"phone_numbers.sip_password"), key bytes 0..31, nonce bytes 100..111.
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    String sealed = "v1:ZGVmZ2hpamtsbW5vOyi9FByde+5JXIpZ1HwAnzrb5z0MuFbVAA==";

    assertThat(new SecretCipher(key).open(sealed, PURPOSE)).isEqualTo("s3cret-pw");
  }

  @Test
  void theSameSecretSealsDifferentlyEachTime() {
    assertThat(cipher.seal("same", PURPOSE)).isNotEqualTo(cipher.seal("same", PURPOSE));
  }

  @Test
  void nullStaysNullAndTheEmptySecretRoundTrips() {
    assertThat(cipher.seal(null, PURPOSE)).isNull();
    assertThat(cipher.open(null, PURPOSE)).isNull();
    assertThat(cipher.open(cipher.seal("", PURPOSE), PURPOSE)).isEmpty();
  }

  @Test
  void aValueDoesNotOpenForAnotherPurposeWithAnotherKeyOrWhenAltered() {
    String sealed = cipher.seal("s3cret-pw", PURPOSE);

    assertThatThrownBy(() -> cipher.open(sealed, "phone_numbers.runtime_secret"))
        .isInstanceOf(SecretCipher.UnreadableSecret.class)
        .hasMessageContaining("phone_numbers.runtime_secret")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> new SecretCipher(key()).open(sealed, PURPOSE))
        .isInstanceOf(SecretCipher.UnreadableSecret.class);
    byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
    raw[raw.length - 20] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> cipher.open(altered, PURPOSE))
        .isInstanceOf(SecretCipher.UnreadableSecret.class);
  }

  @Test
  void plaintextAndMalformedValuesAreRefusedNotReturned() {
    assertThatThrownBy(() -> cipher.open("s3cret-pw", PURPOSE))
        .isInstanceOf(SecretCipher.UnreadableSecret.class)
        .hasMessageContaining("not in the v1 format")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> cipher.open("v1:%%%", PURPOSE))
        .isInstanceOf(SecretCipher.UnreadableSecret.class);
    assertThatThrownBy(() -> cipher.open("v1:AAAA", PURPOSE))
        .isInstanceOf(SecretCipher.UnreadableSecret.class);
  }

  @Test
  void onlyA32ByteKeyIsAccepted() {
    assertThatThrownBy(() -> new SecretCipher(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
