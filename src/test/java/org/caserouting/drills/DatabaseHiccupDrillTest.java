package org.caserouting.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.PlainClient;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The database drops every connection of the service, again and again, while applications come
 * in: each request either succeeds or is refused with 503 and Retry-After, nothing was half
 * written, and the portal's retry with the same Idempotency-Key gets every application in exactly
 * once. How many resends a storm costs depends on how fast the machine is (a request slower than
 * the storm's beat is cut every time); what must hold on any machine is that once the storm is
 * over, every application still outstanding gets in within a dozen resends.
 */
@CaseRouterTest
class DatabaseHiccupDrillTest {

  private static final int CLIENTS = 8;
  private static final int APPLICATIONS_PER_CLIENT = 15;
  private static final long STORM_BEAT_MILLIS = 1000;
  private static final long STORM_AT_MOST_MILLIS = 30_000;
  /** The pool (Hikari's default ten) holds at most ten cut connections; each refusal retires the one it met. */
  private static final int TRIES_AFTER_STORM = 12;

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Value("${spring.datasource.url}") String url;

  @Test
  void connectionsTerminatedMidTransactionLeaveNoHalfWrittenCaseAndRetriesLoseNone() throws Exception {
    String run = "hiccup-" + System.nanoTime() + "-";
    Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger gaveUp = new AtomicInteger();
    AtomicInteger mostTriesInStorm = new AtomicInteger();
    AtomicInteger mostTriesAfterStorm = new AtomicInteger();
    AtomicBoolean storming = new AtomicBoolean(true);
    AtomicInteger terminated = new AtomicInteger();

    long stormEnds = System.nanoTime() + STORM_AT_MOST_MILLIS * 1_000_000;
    Thread storm = new Thread(() -> {
      try (Connection own = DriverManager.getConnection(url, "postgres", "postgres"); Statement sql = own.createStatement()) {
        while (storming.get() && System.nanoTime() < stormEnds) {
          try (ResultSet killed = sql.executeQuery("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity"
              + " where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend') t")) {
            killed.next();
            terminated.addAndGet(killed.getInt(1));
          }
          Thread.sleep(STORM_BEAT_MILLIS);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        storming.set(false);
      }
    });
    storm.start();
    try {
      // A client that resends only when told to here, so every attempt is counted (the test's
      // default HTTP client would quietly resend a 503 once after its Retry-After).
      TestRestTemplate once = PlainClient.at(port);
      ConcurrencyDrillTest.together(CLIENTS, client -> {
        Api portal = new Api(once);
        for (int n = 0; n < APPLICATIONS_PER_CLIENT; n++) {
          String key = run + client + "-" + n;
          int triesInStorm = 0;
          int triesAfterStorm = 0;
          while (true) {
            boolean inStorm = storming.get();
            requests.incrementAndGet();
            int status = portal.accept(Submission.householdTranscript(), key).status();
            answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (inStorm) {
              mostTriesInStorm.accumulateAndGet(++triesInStorm, Math::max);
            } else {
              mostTriesAfterStorm.accumulateAndGet(++triesAfterStorm, Math::max);
            }
            if (status == 201) {
              break;
            }
            if (status != 503 || triesAfterStorm == TRIES_AFTER_STORM) {
              gaveUp.incrementAndGet();
              break;
            }
            sleep(100);
          }
        }
        return null;
      });
    } finally {
      storming.set(false);
      storm.join();
    }

    int expected = CLIENTS * APPLICATIONS_PER_CLIENT;
    long accepted = count("select count(*) from application where idempotency_key like ?", run + "%");
    long halfWritten = count("select count(*) from application a where a.idempotency_key like ? and (a.process_instance_id is null"
        + " or not exists (select 1 from act_ru_execution e where e.proc_inst_id_ = a.process_instance_id)"
        + " or not exists (select 1 from receipt r where r.application_no = a.application_no)"
        + " or not exists (select 1 from notification m where m.application_no = a.application_no))", run + "%");
    long orphanCases = count("select count(*) from act_ru_execution e where e.parent_id_ is null and e.proc_def_id_ like 'case-intake:%'"
        + " and not exists (select 1 from application a where a.application_no = e.business_key_)");
    Map<Integer, Integer> byStatus = new TreeMap<>();
    answers.forEach((status, n) -> byStatus.put(status, n.get()));
    new DrillReport("Database hiccup: connections terminated during intake")
        .put("applications sent", expected)
        .put("requests, retries included", requests.get())
        .put("answers by status", byStatus)
        .put("connections terminated", terminated.get())
        .put("most tries of one application during the storm", mostTriesInStorm.get())
        .put("most tries of one application after the storm", mostTriesAfterStorm.get())
        .put("applications accepted", accepted)
        .put("half-written cases", halfWritten)
        .put("engine cases without an application", orphanCases)
        .put("cases lost", expected - accepted)
        .write();

    assertThat(terminated.get()).as("the storm hit the service").isGreaterThan(0);
    assertThat(byStatus).as("only successes and 503s asking to retry").containsOnlyKeys(201, 503);
    assertThat(gaveUp.get()).as("applications refused %d times after the storm", TRIES_AFTER_STORM).isZero();
    assertThat(accepted).isEqualTo(expected);
    assertThat(halfWritten).isZero();
    assertThat(orphanCases).isZero();
  }

  /** On a connection of its own: the service's pool may still hold connections the storm cut. */
  private long count(String sql, Object... args) {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        java.sql.PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        query.setObject(i + 1, args[i]);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
