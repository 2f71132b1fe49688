package org.caserouting.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database's passing trouble rather than a bug: a connection dropped or
 * refused, the server shutting a session down, a deadlock or serialization failure. Such a request
 * was rolled back whole and may simply be sent again.
 */
public final class DatabaseHiccup {

  private DatabaseHiccup() {}

  public static boolean isCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof TransientDataAccessException
          || cause instanceof CannotCreateTransactionException
          || (cause instanceof SQLException sql && (transientState(sql.getSQLState()) || closedByThePool(sql)))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** The innermost message, for the log. */
  public static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * The pool's answer for a connection it has already thrown away as broken ("Connection is
   * closed", no SQLSTATE): seen when the rollback after a dropped connection is tried on it.
   */
  private static boolean closedByThePool(SQLException sql) {
    StackTraceElement[] frames = sql.getStackTrace();
    return sql.getSQLState() == null && frames.length > 0 && frames[0].getClassName().startsWith("com.zaxxer.hikari.");
  }

  /**
   * SQLSTATE class 08 (connection exception), 57P01-57P03 (administrator shutdown, crash shutdown,
   * cannot connect now), 40001 (serialization failure), 40P01 (deadlock detected).
   */
  private static boolean transientState(String state) {
    return state != null
        && (state.startsWith("08") || state.startsWith("57P0") || state.equals("40001") || state.equals("40P01"));
  }
}
