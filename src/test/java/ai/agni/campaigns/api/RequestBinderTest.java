package ai.agni.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The rules every typed request body follows, on a small model of its own. */
class RequestBinderTest {

  @RejectUnknownFields
  record Window(
      @Size(max = 5, message = "must be at most {max} characters") String windowStart,
      List<@Min(value = 0, message = "0 to 6") @Max(value = 6, message = "0 to 6") Integer> days) {}

  record Thing(
      @NotBlank(message = "is required") String name,
      @Min(value = 1, message = "must be between 1 and 10")
          @Max(value = 10, message = "must be between 1 and 10")
          Integer maxCount,
      Double rate,
      Boolean enabled,
      List<String> tags,
      ObjectNode metadata,
      @Valid Window window,
      @BoundPerItem List<JsonNode> items,
      @JacksonInject(useInput = OptBoolean.FALSE) SentFields sent)
      implements RequestModel {}

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final RequestBinder binder =
      new RequestBinder(mapper, Validation.buildDefaultValidatorFactory().getValidator());

  private RequestBinder.Binding<Thing> bind(String json) {
    return binder.tryBind(mapper.readTree(json.replace('\'', '"')), Thing.class);
  }

  private List<String> fields(String json) {
    return bind(json).problems().stream().map(ApiError.FieldError::field).toList();
  }

  @Test
  void bothCasingsBindAndTheSpellingIsRemembered() {
    RequestBinder.Binding<Thing> snake =
        bind("{'name':'a','max_count':3,'window':{'window_start':'09:00'}}");
    assertThat(snake.problems()).isEmpty();
    assertThat(snake.value().maxCount()).isEqualTo(3);
    assertThat(snake.value().window().windowStart()).isEqualTo("09:00");
    assertThat(snake.sent().field("maxCount")).isEqualTo("max_count");
    assertThat(snake.sent().field("window.windowStart")).isEqualTo("window.window_start");
    assertThat(snake.sent().field("window.days[2]")).isEqualTo("window.days[2]");
    assertThat(fields("{'name':'a','window':{'window_start':'too long'}}"))
        .containsExactly("window.window_start");
  }

  @Test
  void oneFieldInBothCasingsIsRefusedNamingIt() {
    assertThat(fields("{'name':'a','maxCount':1,'max_count':2}")).containsExactly("maxCount");
    assertThat(fields("{'name':'a','window':{'windowStart':'a','window_start':'b'}}"))
        .containsExactly("window.windowStart");
  }

  @Test
  void typesAreStrictAndEveryProblemIsListed() {
    assertThat(fields("{'name':5,'maxCount':'3','rate':'x','enabled':'yes','tags':'a'}"))
        .containsExactly("name", "maxCount", "rate", "enabled", "tags");
    assertThat(fields("{'name':'a','tags':['x',1,null]}")).containsExactly("tags[1]", "tags[2]");
    assertThat(fields("{'name':'a','maxCount':2.5}")).containsExactly("maxCount");
    assertThat(fields("{'name':'a','maxCount':1e309}")).containsExactly("maxCount");
    assertThat(fields("{'name':'a','maxCount':99999999999}")).containsExactly("maxCount");
    assertThat(fields("{'name':'a','metadata':[1],'window':'09:00'}"))
        .containsExactly("metadata", "window");
    assertThat(bind("{'name':'a','maxCount':2.0}").value().maxCount()).isEqualTo(2);
  }

  @Test
  void beanValidationNamesTheFieldAsSentAndSkipsOnesAlreadyRefused() {
    RequestBinder.Binding<Thing> bound =
        bind("{'name':' ','max_count':11,'window':{'days':[1,9]}}");
    assertThat(bound.problems())
        .extracting(ApiError.FieldError::field)
        .containsExactly("name", "max_count", "window.days[1]");
    assertThat(bound.problems().get(1).message()).isEqualTo("must be between 1 and 10");
    assertThat(fields("{'name':7}")).containsExactly("name");
  }

  @Test
  void absentAndNullAreToldApart() {
    SentFields sent = bind("{'name':'a','maxCount':null}").sent();
    assertThat(sent.has("maxCount")).isTrue();
    assertThat(sent.isNull("maxCount")).isTrue();
    assertThat(sent.has("rate")).isFalse();
    assertThat(sent.has("window.windowStart")).isFalse();
  }

  @Test
  void unknownFieldsAreKeptAtTopLevelAndRefusedWhereTheModelSaysSo() {
    RequestBinder.Binding<Thing> bound = bind("{'name':'a','voice_id':'v1','sent':'x'}");
    assertThat(bound.problems()).isEmpty();
    assertThat(bound.sent().others().propertyNames()).containsExactly("voice_id", "sent");
    assertThat(bound.value().sent()).isSameAs(bound.sent());
    assertThat(fields("{'name':'a','window':{'windowStrat':'09:00'}}"))
        .containsExactly("window.windowStrat");
  }

  @Test
  void theTextRuleHoldsForValuesNamesAndFreeFormJsonButNotItemsBoundAlone() {
    assertThat(fields("{'name':'a\\u0000b'}")).containsExactly("name");
    assertThat(fields("{'name':'a','tags':['ok','\\ud800']}")).containsExactly("tags[1]");
    assertThat(fields("{'name':'a','metadata':{'note':'\\udc00x'}}"))
        .containsExactly("metadata.note");
    assertThat(fields("{'name':'a','extra':{'deep':['\\u0000']}}"))
        .containsExactly("extra.deep[0]");
    assertThat(fields("{'name':'a','bad\\u0000key':1}")).containsExactly("bad\\u0000key");
    assertThat(fields("{'name':'a','items':[{'name':'\\u0000'}]}")).isEmpty();
    assertThat(fields("{'name':'a','items':{}}")).containsExactly("items");
    assertThat(fields("{'name':'\\ud83d\\ude00 ok'}")).isEmpty();
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefusedAsABody() {
    assertThat(fields("[1]")).containsExactly("body");
    assertThat(fields("null")).containsExactly("body");
    assertThatThrownBy(() -> binder.bind(mapper.readTree("\"x\""), Thing.class))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("body");
  }
}
