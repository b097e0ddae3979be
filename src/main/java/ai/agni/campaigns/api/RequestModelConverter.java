package ai.agni.campaigns.api;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON request body into a {@link RequestModel} record through {@link RequestBinder}, so a
 * controller declares {@code @RequestBody CampaignUpdateRequest request} and gets a checked record
 * (and the OpenAPI document shows its fields). Only reads; answers are written by Jackson as usual.
 */
class RequestModelConverter extends AbstractHttpMessageConverter<Object> {

  private final ObjectMapper mapper;
  private final RequestBinder binder;

  RequestModelConverter(ObjectMapper mapper, RequestBinder binder) {
    super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    this.mapper = mapper;
    this.binder = binder;
  }

  @Override
  protected boolean supports(Class<?> type) {
    return RequestModel.class.isAssignableFrom(type) && type.isRecord();
  }

  @Override
  protected boolean canWrite(MediaType mediaType) {
    return false;
  }

  @Override
  protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
    JsonNode body;
    try {
      body = mapper.readTree(input.getBody());
    } catch (JacksonException malformed) {
      throw new HttpMessageNotReadableException(
          "malformed JSON: " + malformed.getOriginalMessage(), malformed, input);
    }
    return binder.bind(body, type);
  }

  @Override
  protected void writeInternal(Object value, HttpOutputMessage output) {
    throw new UnsupportedOperationException("request models are never written");
  }
}
