package ai.agni.campaigns.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record: a field it does not declare is a 400 instead of being ignored. why: used
 * where a mistyped field would silently change nothing (a schedule limit), see docs/api.md §1.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RejectUnknownFields {}
