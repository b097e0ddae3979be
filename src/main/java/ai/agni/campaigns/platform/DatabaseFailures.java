package ai.agni.campaigns.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached (down, restarting, connection reset, pool timed out) from
 * other failures, by the exception and its causes: what the engine waits out and the API answers
 * 503 for. Pure; no Spring context.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /** The database cannot be reached or dropped the connection: try again later. */
  public static boolean isUnavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof TransientDataAccessResourceException
          || t instanceof RecoverableDataAccessException
          || t instanceof QueryTimeoutException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof java.sql.SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
        return true;
      }
      if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
        // why: a commit or rollback that failed in the driver lost its connection (the pool's
        // closed-connection error carries no SQL state).
        return true;
      }
    }
    return false;
  }

  /**
   * Unavailable, or a conflict with a concurrent transaction (serialization failure, deadlock, lock
   * timeout) that the same write may simply retry.
   */
  public static boolean isTransient(Throwable error) {
    if (isUnavailable(error)) {
      return true;
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConcurrencyFailureException || t instanceof SQLTransientException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQL states of a lost or refused connection: class 08 (connection exception), PostgreSQL's
   * 57P01-57P03 (shut down by an administrator, crash, cannot connect now) and H2's 90067
   * (connection broken).
   */
  static boolean isUnavailableState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("90067"));
  }

  /** A one-line reason for logs: the innermost message. */
  public static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
