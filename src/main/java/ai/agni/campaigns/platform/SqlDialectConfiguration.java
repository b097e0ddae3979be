package ai.agni.campaigns.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the {@link SqlDialect} from the connected database's product name. */
@Configuration(proxyBeanMethods = false)
class SqlDialectConfiguration {

  @Bean
  SqlDialect sqlDialect(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return new PostgresDialect();
      }
      if (product.contains("h2")) {
        return new H2Dialect();
      }
      throw new IllegalStateException("Unsupported database: " + product);
    }
  }
}
