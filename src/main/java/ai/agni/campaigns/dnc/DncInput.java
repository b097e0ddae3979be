package ai.agni.campaigns.dnc;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.JsonBody;
import ai.agni.campaigns.phonenumber.E164;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A validated {@code {phones:[...]}} body: every number in E.164, repeats collapsed. */
record DncInput(List<String> phones) {

  static final int MAX_PHONES = 10_000;

  /** All or none: one invalid number is a 400 naming it ({@code phones[3]}). */
  static DncInput read(JsonBody body, String region) {
    List<String> sent = body.stringList("phones");
    if (sent == null) {
      throw body.invalid("phones", "is required");
    }
    if (sent.isEmpty() || sent.size() > MAX_PHONES) {
      throw body.invalid("phones", "must hold 1 to " + MAX_PHONES + " numbers");
    }
    Set<String> phones = new LinkedHashSet<>();
    for (int i = 0; i < sent.size(); i++) {
      String e164 = E164.normalize(sent.get(i), region).orElse(null);
      if (e164 == null) {
        throw new InvalidRequestException(
            body.field("phones") + "[" + i + "]", "is not a valid phone number");
      }
      phones.add(e164);
    }
    return new DncInput(new ArrayList<>(phones));
  }
}
