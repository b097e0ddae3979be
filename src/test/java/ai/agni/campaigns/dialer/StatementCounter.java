package ai.agni.campaigns.dialer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application prepares, for benchmarks: wraps the context's {@link
 * DataSource} so every connection counts {@code prepareStatement}, {@code prepareCall} and {@code
 * createStatement}. A batch counts once. Import it with {@code @Import(StatementCounter.class)}.
 */
final class StatementCounter implements BeanPostProcessor {

  private static final Set<String> STATEMENTS =
      Set.of("prepareStatement", "prepareCall", "createStatement");
  private static final AtomicLong COUNT = new AtomicLong();
  private static final AtomicBoolean PAUSED = new AtomicBoolean();
  private static final java.util.List<String> RECORDED =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private static final AtomicBoolean RECORDING = new AtomicBoolean();

  /** Starts keeping the SQL text of each counted statement (until {@link #recorded}). */
  static void record() {
    RECORDED.clear();
    RECORDING.set(true);
  }

  /** The SQL of the statements counted since {@link #record}; stops recording. */
  static java.util.List<String> recorded() {
    RECORDING.set(false);
    synchronized (RECORDED) {
      return java.util.List.copyOf(RECORDED);
    }
  }

  /** Statements counted since the last reset. */
  static long count() {
    return COUNT.get();
  }

  static void reset() {
    COUNT.set(0);
  }

  /** Runs the benchmark's own queries (not the engine's) without counting them. */
  static <T> T uncounted(java.util.function.Supplier<T> work) {
    PAUSED.set(true);
    try {
      return work.get();
    } finally {
      PAUSED.set(false);
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
  }

  private static final class Counting extends DelegatingDataSource {
    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return counting(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return counting(super.getConnection(username, password));
    }

    private static Connection counting(Connection target) {
      InvocationHandler handler =
          (proxy, method, args) -> {
            if (STATEMENTS.contains(method.getName()) && !PAUSED.get()) {
              COUNT.incrementAndGet();
              if (RECORDING.get()) {
                RECORDED.add(
                    args != null && args.length > 0 && args[0] instanceof String sql
                        ? sql.replaceAll("\\s+", " ").trim()
                        : method.getName());
              }
            }
            return invoke(target, method, args);
          };
      return (Connection)
          Proxy.newProxyInstance(
              StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
