package ai.agni.campaigns.dnc;

import ai.agni.campaigns.api.RequestModel;
import ai.agni.campaigns.api.SentFields;
import ai.agni.campaigns.phonenumber.E164;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /dnc}: numbers to add to the do-not-call list. */
@Schema(name = "DncRequest")
record DncRequest(
    @ArraySchema(
            arraySchema =
                @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "1 to 10,000 numbers; any form libphonenumber reads."),
            schema = @Schema(example = "+14155550100"),
            minItems = 1,
            maxItems = MAX_PHONES)
        List<String> phones,
    @JacksonInject(useInput = OptBoolean.FALSE) @Schema(hidden = true) SentFields sent)
    implements RequestModel {

  static final int MAX_PHONES = 10_000;

  /** Every number in E.164, repeats collapsed; one invalid number is a 400 naming it. */
  List<String> e164(String region) {
    if (phones == null) {
      throw sent.invalid("phones", "is required");
    }
    if (phones.isEmpty() || phones.size() > MAX_PHONES) {
      throw sent.invalid("phones", "must hold 1 to " + MAX_PHONES + " numbers");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < phones.size(); i++) {
      int index = i;
      unique.add(
          E164.normalize(phones.get(i), region)
              .orElseThrow(
                  () -> sent.invalid("phones[" + index + "]", "is not a valid phone number")));
    }
    return new ArrayList<>(unique);
  }
}
