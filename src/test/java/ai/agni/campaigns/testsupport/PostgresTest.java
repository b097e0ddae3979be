package ai.agni.campaigns.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the PostgreSQL suite: tagged {@code postgres}, skipped with a notice when
 * no server is reachable unless {@code AGNI_TEST_POSTGRES=required}. Register the database with
 * {@link PostgresDatabase#register} in a {@code @DynamicPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ExtendWith(PostgresDatabase.class)
public @interface PostgresTest {}
