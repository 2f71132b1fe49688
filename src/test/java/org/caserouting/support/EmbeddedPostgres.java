package org.caserouting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server per test JVM, started on first use from the binaries on the test
 * classpath (no installation, works as root). Each user of it gets its own database.
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  /** Spring contexts still using the server. */
  private static int users;

  private EmbeddedPostgres() {}

  public static synchronized String jdbcUrl(String database) {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            // Stopped by our own hook, once the Spring contexts using it have closed.
            .setRegisterShutdownHook(false)
            // As docker/compose.yaml runs PostgreSQL: tables and indexes are in memory or on SSD.
            .setServerConfig("random_page_cost", "1.1")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stop));
    }
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      if (!statement.executeQuery("select 1 from pg_database where datname = '" + database + "'").next()) {
        statement.execute("create database " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + database, e);
    }
    return server.getJdbcUrl("postgres", database);
  }

  static synchronized void inUse() {
    users++;
  }

  static synchronized void released() {
    users--;
    EmbeddedPostgres.class.notifyAll();
  }

  /**
   * At JVM exit, after the Spring contexts have closed (their shutdown hooks run beside this one):
   * a pool closing against a stopped server would wait for its connection timeout.
   */
  private static synchronized void stop() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    try {
      while (users > 0 && System.nanoTime() < deadline) {
        EmbeddedPostgres.class.wait(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }
}
