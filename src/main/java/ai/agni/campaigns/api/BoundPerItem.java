package ai.agni.campaigns.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code List<JsonNode>} component of a request record: the items are bound one by one by the
 * feature (with {@link RequestBinder#tryBind}), so that a bad item is reported and the others are
 * kept; the whole body is not refused for one item's types or text.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface BoundPerItem {}
