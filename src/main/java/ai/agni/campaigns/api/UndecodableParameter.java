package ai.agni.campaigns.api;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Names the query parameter that the servlet container could not read: the first whose name or
 * value holds a malformed escape or, percent-decoded, is not UTF-8. Without one (too many
 * parameters, or a form body), the error names {@code query}.
 */
final class UndecodableParameter {

  static final String NOT_UTF8 = "is not valid UTF-8 once percent-decoded";
  static final String BAD_ESCAPE = "has a % that is not followed by two hex digits";

  private UndecodableParameter() {}

  static ApiError.FieldError find(String query) {
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        if (badEscape(name) || badEscape(value)) {
          return new ApiError.FieldError(TextRule.safeName(lenient(name)), BAD_ESCAPE);
        }
        if (!isUtf8(name) || !isUtf8(value)) {
          return new ApiError.FieldError(TextRule.safeName(lenient(name)), NOT_UTF8);
        }
      }
    }
    return new ApiError.FieldError(
        "query", "could not be read: too many parameters, or not valid UTF-8 once percent-decoded");
  }

  private static boolean badEscape(String encoded) {
    for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 1)) {
      if (hex(encoded, i + 1) < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUtf8(String encoded) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(percentDecoded(encoded)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The bytes the escapes stand for; a malformed escape is kept as written. */
  private static byte[] percentDecoded(String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && hex(encoded, i + 1) >= 0) {
        out.write(hex(encoded, i + 1));
        i += 2;
      } else if (c == '+') {
        out.write(' ');
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static int hex(String text, int at) {
    if (at + 1 >= text.length()) {
      return -1;
    }
    int high = Character.digit(text.charAt(at), 16);
    int low = Character.digit(text.charAt(at + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }

  private static String lenient(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      return encoded;
    }
  }
}
