package ai.agni.campaigns.contact.importing;

import ai.agni.campaigns.api.TextRule;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * The upload's bytes as text, and the {@link TextRule} on the cells read from it. Bytes that are
 * not valid in the upload's charset (an overlong or surrogate encoding such as {@code C0 80} or
 * {@code ED A0 80}, a stray {@code FF}) become neither NUL nor a surrogate pair nor a silent
 * U+FFFD: the decoder puts {@link #MALFORMED} in their place and reads on, and {@link #problem}
 * names it, so the row holding them is rejected and the rest of the file is imported.
 */
final class UploadText {

  /** An unpaired surrogate: no valid input decodes to one, so it can only stand for bad bytes. */
  private static final String MALFORMED = "\uDFFF";

  static final String NOT_DECODABLE =
      "holds bytes that are not valid UTF-8 (or not valid in the charset the Content-Type names)";

  private UploadText() {}

  static Reader reader(InputStream in, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    if (decoder.maxCharsPerByte() >= MALFORMED.length()) {
      // why: a decoder refuses a replacement longer than it can emit per byte; none of the JDK's
      // do, but an exotic charset keeps its own replacement (storable U+FFFD) rather than fail.
      decoder.replaceWith(MALFORMED);
    }
    return new InputStreamReader(in, decoder);
  }

  /** Why a cell (or a header name) cannot be stored, or null when it can. */
  static String problem(String text) {
    String violation = TextRule.violation(text);
    if (violation != null && text.indexOf('\u0000') < 0) {
      // why: without a NUL the text broke the rule by an unpaired surrogate, which only the
      // decoder's replacement of bad bytes produces; say so in terms of the file.
      return NOT_DECODABLE;
    }
    return violation;
  }
}
