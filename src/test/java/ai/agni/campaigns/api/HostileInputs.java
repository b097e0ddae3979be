package ai.agni.campaigns.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hostile request material: raw JSON values, whole bodies, path segments and query values. */
final class HostileInputs {

  static final String LONG = "x".repeat(100_000);

  private HostileInputs() {}

  /** JSON literals (raw text) to put where a field's value belongs. */
  static List<String> values() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "\"\"",
                "\"   \"",
                "\"x\"",
                "0",
                "-1",
                "-0",
                "1.5",
                "2147483648",
                "-2147483649",
                "9223372036854775808",
                "123456789012345678901234567890",
                "1e309",
                "-1e309",
                "1e-400",
                "\"NaN\"",
                "\"Infinity\"",
                "\"-0\"",
                "\"2147483648\"",
                "true",
                "false",
                "null",
                "{}",
                "[]",
                "[null]",
                "[1,\"a\",{},[],null,true]",
                "{\"a\":null,\"b\":[null]}",
                "\"" + LONG + "\"",
                "[\"" + LONG + "\"]",
                "\"\\u0000\"",
                "\"a\\u0000b\"",
                "\"\\ud800\"",
                "\"😀💥\\u202e\"",
                "\"not-a-uuid\"",
                "\"00000000-0000-0000-0000-000000000000\"",
                "\"ffffffff-ffff-ffff-ffff-ffffffffffff\"",
                "[\"not-a-uuid\"]",
                "[\"00000000-0000-0000-0000-000000000000\"]",
                "\"2026-13-45\"",
                "\"2026-02-30T25:61:00Z\"",
                "\"25:61\"",
                "\"24:00\"",
                "\"NOT_A_VALUE\"",
                "\"active\"",
                "\"+\"",
                "\"+999999999999999999999\"",
                "\"http://\"",
                "\"javascript:alert(1)\"",
                "\"sip:\"",
                "\"Mars/Olympus\"",
                "\"'; DROP TABLE contacts; --\""));
    values.add(numbers(20_001));
    return values;
  }

  /**
   * JSON string values that break the text rule through escapes: NUL, lone and reversed surrogates.
   * Every field gets each of them.
   */
  static List<String> textRuleValues() {
    return List.of(
        "\"\\u0000\"",
        "\"\\udc00\"",
        "\"a\\ud800b\"",
        "\"\\ude00\\ud83d\"",
        "[\"ok\",\"\\u0000\"]",
        "{\"k\\u0000\":\"v\\ud800\"}");
  }

  /**
   * Raw bytes to put inside a JSON string or a CSV cell: NUL in overlong form, surrogates encoded
   * as UTF-8 (alone and as a CESU-8 pair), bytes no UTF-8 holds, truncated and over-long sequences,
   * a raw NUL, and one valid but unusual character (U+FFFF) for contrast.
   */
  static List<byte[]> rawBytes() {
    return List.of(
        bytes(0xC0, 0x80),
        bytes(0xE0, 0x80, 0x80),
        bytes(0xED, 0xA0, 0x80),
        bytes(0xED, 0xB0, 0x80),
        bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80),
        bytes(0xFF),
        bytes(0xFE, 0xFF),
        bytes(0xE2, 0x82),
        bytes(0x80),
        bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
        bytes(0xF4, 0x90, 0x80, 0x80),
        bytes(0x00),
        bytes(0xEF, 0xBF, 0xBF));
  }

  /** Whole bodies of raw bytes that are not UTF-8, or hold a NUL. */
  static List<byte[]> rawBodies() {
    List<byte[]> bodies = new ArrayList<>();
    for (byte[] raw : rawBytes()) {
      bodies.add(raw);
      bodies.add(concat(bytes('{', '"'), raw, bytes('"', ':', '1', '}')));
    }
    return bodies;
  }

  /** Whole bodies that are not a usable JSON object. */
  static List<String> bodies() {
    return List.of(
        "",
        " ",
        "{",
        "{\"a\":",
        "{\"a\" 1}",
        "{'a':1}",
        "[]",
        "[{}]",
        "\"string\"",
        "42",
        "1e309",
        "null",
        "true",
        "{} {}",
        "{\"a\":1,}",
        "\u0000",
        "\uFEFF{}",
        "[".repeat(5_000) + "]".repeat(5_000),
        "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
        "{\"x\":\"" + "y".repeat(1_100_000) + "\"}");
  }

  /** Path segments standing where an id or a phone number belongs (already URL-encoded). */
  static List<String> pathSegments() {
    return List.of(
        "not-a-uuid",
        "00000000-0000-0000-0000-000000000000",
        "0198a1b2-0000-7000-8000-000000000000",
        "%00",
        "%F0%9F%98%80",
        "%2B",
        "%2B1",
        "1e309",
        "-1",
        "null",
        "%20",
        "a".repeat(5_000),
        "%27%3B%20DROP%20TABLE%20agents%3B--",
        "%2B999999999999999999999");
  }

  /** Query parameter values (unencoded). */
  static List<String> queryValues() {
    return List.of(
        "-1",
        "0",
        "abc",
        "1e9",
        "1e309",
        "1.5",
        "2147483648",
        "99999999999999999999",
        "",
        " ",
        "NaN",
        "\u0000",
        "😀",
        "2026-13-45",
        "2026-02-30T25:61:00Z",
        "not-a-uuid",
        "00000000-0000-0000-0000-000000000000",
        "+",
        "%",
        "ACTIVE",
        "completed,,NOT_A_STATUS",
        "'; DROP TABLE calls; --",
        "q".repeat(20_000));
  }

  /**
   * Query parameter values already percent-encoded: NUL, and bytes that are not UTF-8 (overlong
   * NUL, encoded surrogates, stray and truncated bytes).
   */
  static List<String> encodedQueryValues() {
    return List.of(
        "%00",
        "a%00b", "%C0%80", "%ED%A0%80", "%ED%A0%BD%ED%B8%80", "%FF", "%E2%82", "%F8%88%80%80%80");
  }

  /** Query parameter values no URL encoding can carry: lone and reversed surrogates. */
  static List<String> unencodableQueryValues() {
    return List.of("\uD800", "a\uDC00b", "\uDE00\uD83D");
  }

  /** CSV uploads holding bad text or bytes, with and without a header row. */
  static List<byte[]> rawCsvs() {
    List<byte[]> csvs = new ArrayList<>();
    byte[] header = "phone,first_name,Plan\n".getBytes(StandardCharsets.UTF_8);
    byte[] phone = "+12125550100,".getBytes(StandardCharsets.UTF_8);
    for (byte[] raw : rawBytes()) {
      csvs.add(raw);
      csvs.add(concat(phone, raw, bytes('\n')));
      csvs.add(concat(header, phone, raw, bytes(',', 'x', '\n')));
      csvs.add(concat(header, phone, bytes('x', ','), raw, bytes('\n')));
      csvs.add(concat("phone,".getBytes(StandardCharsets.UTF_8), raw, bytes('\n', '1', ',', '2')));
    }
    return csvs;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** A random printable-or-not string, for seeded mixes. */
  static String randomText(Random random) {
    int length = random.nextInt(40);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(32);
            case 1 -> 0x1F300 + random.nextInt(500);
            default -> 32 + random.nextInt(95);
          });
    }
    return out.toString();
  }

  private static String numbers(int count) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append(i);
    }
    return out.append(']').toString();
  }
}
