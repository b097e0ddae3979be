package ai.agni.campaigns.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agni.campaigns.platform.Signatures.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code X-Agni-Signature} scheme. The expected digests were computed independently, with
 * Python's {@code hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256)}.
 */
class SignaturesTest {

  private static final byte[] EVENT =
      bytes("{\"session_id\":\"0190c6a2-0000-7000-8000-000000000001\",\"status\":\"completed\"}");
  private static final String EVENT_V1 =
      "8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80";
  private static final long T = 1_700_000_000L;
  private static final Instant AT_T = Instant.ofEpochSecond(T);
  private static final Duration FIVE_MIN = Signatures.TOLERANCE;

  @Test
  void signsWithTheKnownVectors() {
    assertThat(Signatures.sign("s3cret", T, EVENT)).isEqualTo("t=1700000000,v1=" + EVENT_V1);
    assertThat(Signatures.sign("whsec_test", 1_773_999_000L, new byte[0]))
        .isEqualTo(
            "t=1773999000,v1=3c5561226a6cf53b9e34383c01f125d7c71db1fd813c5f3ac04bb9e98fb60949");
    assertThat(
            Signatures.sign(
                "clé-ünïcode", 1, "{\"reason\":\"straße\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("t=1,v1=b569099234510875ad6e83aecf13df8aa651b5e13afb703b4b96078bd70790f8");
  }

  @Test
  void signsWithSeveralSecretsNewFirst() {
    assertThat(
            Signatures.sign(
                List.of("new-secret", "old-secret"), 1_773_999_000L, bytes("{\"a\":1}")))
        .isEqualTo(
            "t=1773999000"
                + ",v1=caf5991e6ad104254dda84dfaf0f36870da74e845b39eaf2ce5e6a16c243ad2d"
                + ",v1=e143c9ab4c34230ff07342ccdb5817014930192546be59810a5e0f1d9acec83a");
    assertThatThrownBy(() -> Signatures.sign(List.of(), T, EVENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsAKnownVectorAndWhatItSigns() {
    assertThat(verify("t=1700000000,v1=" + EVENT_V1, "s3cret", EVENT, AT_T))
        .isEqualTo(Verdict.VALID);
    String header = Signatures.sign("another", T + 10, EVENT);
    assertThat(verify(header, "another", EVENT, AT_T)).isEqualTo(Verdict.VALID);
  }

  @Test
  void acceptsSpacesUppercaseHexAndOtherSchemes() {
    assertThat(
            verify(
                " t = 1700000000 , v0=abc, v1=" + EVENT_V1.toUpperCase() + " ",
                "s3cret",
                EVENT,
                AT_T))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void anyOfSeveralV1ValuesMayMatchAnyOfSeveralSecrets() {
    String rotated = Signatures.sign(List.of("new", "old"), T, EVENT);
    assertThat(Signatures.verify(rotated, List.of("old"), EVENT, AT_T, FIVE_MIN))
        .isEqualTo(Verdict.VALID);
    assertThat(Signatures.verify(rotated, List.of("new"), EVENT, AT_T, FIVE_MIN))
        .isEqualTo(Verdict.VALID);
    String single = Signatures.sign("old", T, EVENT);
    assertThat(Signatures.verify(single, List.of("new", "old"), EVENT, AT_T, FIVE_MIN))
        .isEqualTo(Verdict.VALID);
    String withJunk = "t=" + T + ",v1=" + "0".repeat(64) + ",v1=" + EVENT_V1;
    assertThat(verify(withJunk, "s3cret", EVENT, AT_T)).isEqualTo(Verdict.VALID);
  }

  @Test
  void refusesAnotherSecretABodyChangedByOneByteOrAnotherT() {
    assertThat(verify("t=1700000000,v1=" + EVENT_V1, "S3cret", EVENT, AT_T))
        .isEqualTo(Verdict.MISMATCH);
    byte[] changed = EVENT.clone();
    changed[changed.length - 2] = 'x';
    assertThat(verify("t=1700000000,v1=" + EVENT_V1, "s3cret", changed, AT_T))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(verify("t=1700000001,v1=" + EVENT_V1, "s3cret", EVENT, AT_T))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void noUsableSecretNeverMatches() {
    String header = "t=1700000000,v1=" + EVENT_V1;
    assertThat(Signatures.verify(header, List.of(), EVENT, AT_T, FIVE_MIN))
        .isEqualTo(Verdict.MISMATCH);
    assertThat(Signatures.verify(header, Arrays.asList(null, " "), EVENT, AT_T, FIVE_MIN))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void aTimestampMoreThanTheToleranceAwayEitherWayHasExpired() {
    String header = "t=1700000000,v1=" + EVENT_V1;
    assertThat(verify(header, "s3cret", EVENT, AT_T.plus(FIVE_MIN))).isEqualTo(Verdict.VALID);
    assertThat(verify(header, "s3cret", EVENT, AT_T.minus(FIVE_MIN))).isEqualTo(Verdict.VALID);
    assertThat(verify(header, "s3cret", EVENT, AT_T.plus(FIVE_MIN).plusSeconds(1)))
        .isEqualTo(Verdict.EXPIRED);
    assertThat(verify(header, "s3cret", EVENT, AT_T.minus(FIVE_MIN).minusSeconds(1)))
        .isEqualTo(Verdict.EXPIRED);
  }

  @Test
  void anExpiredTimestampIsToldOnlyToWhoeverHoldsTheSecret() {
    String header = "t=1700000000,v1=" + EVENT_V1;
    assertThat(verify(header, "wrong", EVENT, AT_T.plus(Duration.ofHours(1))))
        .isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void noHeaderIsMissing() {
    assertThat(verify(null, "s3cret", EVENT, AT_T)).isEqualTo(Verdict.MISSING);
    assertThat(verify("  ", "s3cret", EVENT, AT_T)).isEqualTo(Verdict.MISSING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80",
        "t=1700000000",
        "t=1700000000,v1=",
        "t=1700000000,v1=zz",
        "t=1700000000,v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee8",
        "t=1700000000,v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80g",
        "t=abc,v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80",
        "t=-1700000000,v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80",
        "t=1700000000,t=1700000000,v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80",
        "t=99999999999999999999,v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80",
        "t=1700000000;v1=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80",
        "garbage",
        "sha256=8c1217d3a0e366c862b9c9513b1af0b9204a0fa1d2003beb2b203126f45aee80"
      })
  void malformedHeadersAreRefused(String header) {
    assertThat(verify(header, "s3cret", EVENT, AT_T)).isEqualTo(Verdict.MALFORMED);
  }

  @Test
  void anOversizeHeaderIsMalformed() {
    String header = "t=1700000000,v1=" + EVENT_V1 + ",v0=" + "a".repeat(5000);
    assertThat(verify(header, "s3cret", EVENT, AT_T)).isEqualTo(Verdict.MALFORMED);
  }

  private static Verdict verify(String header, String secret, byte[] body, Instant now) {
    return Signatures.verify(header, List.of(secret), body, now, FIVE_MIN);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
