package org.caserouting.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.caserouting.CaseRouterApplication;
import org.caserouting.deployment.NginxConfig;
import org.caserouting.support.EmbeddedPostgres;
import org.caserouting.support.Submission;
import org.caserouting.verification.AgencySimulatorApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service JVMs on one PostgreSQL, as in production behind the proxy, the agency simulator
 * answering slowly so that agency queries are in flight; one node is killed (SIGKILL) in the middle
 * of the intake. The other node takes over the dead node's locked jobs once their lock expires, and
 * every case reaches its clerk: none lost, none with a receipt, notice or agency result made twice.
 */
class NodeLossDrillTest {

  private static final int APPLICATIONS = 30;
  private static final String DATABASE = "case_router_drill";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void killingOneNodeMidIntakeLosesNoCaseAndRepeatsNoStep() throws Exception {
    String database = EmbeddedPostgres.jdbcUrl(DATABASE);
    ConfigurableApplicationContext simulator = AgencySimulatorApplication.start("--server.port=0");
    Node a = null;
    Node b = null;
    Process proxy = null;
    try {
      int simulatorPort = ((ServletWebServerApplicationContext) simulator).getWebServer().getPort();
      // Every household query takes a while, so the killed node dies holding jobs.
      post("http://localhost:" + simulatorPort + "/simulator/faults/household?mode=DELAY&delayMs=400", null, null);
      String jwk = new ECKeyGenerator(Curve.P_256).keyID("drill").generate().toJSONString();

      // One after the other: the first creates the schemas, as a rolling deployment would.
      a = Node.start("node-a", database, simulatorPort, jwk);
      a.awaitReady();
      b = Node.start("node-b", database, simulatorPort, jwk);
      b.awaitReady();

      // Through docker/nginx.conf in front of both, where nginx is installed; else each node in turn.
      int proxyPort = freePort();
      proxy = NginxConfig.available()
          ? NginxConfig.start(Path.of("docker", "nginx.conf"),
              Map.of("node-1:8080", "127.0.0.1:" + a.port(), "node-2:8080", "127.0.0.1:" + b.port()), proxyPort)
          : null;
      List<String> numbers = new ArrayList<>();
      int resent = 0;
      long killedAt = 0;
      long lockedAtKill = 0;
      for (int i = 0; i < APPLICATIONS; i++) {
        String url = proxy != null ? "http://127.0.0.1:" + proxyPort + "/api/applications" : (i % 2 == 0 ? a : b).url("/api/applications");
        if (proxy == null && i > APPLICATIONS / 2) {
          url = b.url("/api/applications");
        }
        String key = "node-loss-" + i;
        HttpResponse<String> answer = null;
        // The portal's resend: the same application under the same Idempotency-Key until a node answers it.
        for (int attempt = 1; attempt <= 20; attempt++) {
          answer = postOrNull(url, json.writeValueAsString(Submission.lowIncome().body()), key);
          if (answer != null && answer.statusCode() == 201) {
            break;
          }
          resent++;
          Thread.sleep(250);
        }
        assertThat(answer).isNotNull();
        assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(201);
        numbers.add(json.readTree(answer.body()).get("applicationNo").asText());
        if (i == APPLICATIONS / 2) {
          try (Connection db = DriverManager.getConnection(database, "postgres", "postgres")) {
            lockedAtKill = count(db, "select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ > now()");
          }
          a.kill();
          killedAt = System.nanoTime();
        }
      }
      try (Connection db = DriverManager.getConnection(database, "postgres", "postgres")) {
        awaitDrained(db, numbers);
        double drainSeconds = (System.nanoTime() - killedAt) / 1e9;

        long waitingAtClerk = count(db, "select count(distinct e.business_key_) from act_ru_task t"
            + " join act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = any(?)", numbers);
        long receiptsTwice = count(db, "select count(*) from (select application_no from receipt where application_no = any(?)"
            + " group by application_no, kind having count(*) > 1) t", numbers);
        long noticesTwice = count(db, "select count(*) from (select application_no from notification where application_no = any(?)"
            + " group by application_no, kind having count(*) > 1) t", numbers);
        long resultsTwice = count(db, "select count(*) from (select application_no from verification_result where application_no = any(?)"
            + " group by application_no, service, subject_ref having count(*) > 1) t", numbers);
        long queries = count(db, "select count(*) from verification_evidence where application_no = any(?)", numbers);
        // A query is asked again under its X-Road message id when the node that asked died before commit.
        long repeatedQueries = count(db, "select coalesce(sum(n - 1), 0) from (select count(*) n from verification_evidence"
            + " where application_no = any(?) and xroad_id is not null group by application_no, xroad_id) t", numbers);
        long incidents = count(db, "select count(*) from act_ru_incident", List.of());
        new DrillReport("Node loss: one of two nodes killed with SIGKILL mid-intake")
            .put("applications", numbers.size())
            .put("submitted through", proxy != null ? "nginx with docker/nginx.conf" : "each node directly (no nginx here)")
            .put("resends after a failed answer", resent)
            .put("jobs locked by the two nodes at the kill", lockedAtKill)
            .put("seconds from kill to every case at its clerk", String.format("%.1f", drainSeconds))
            .put("agency queries", queries)
            .put("agency queries asked again after the takeover (reads, logged as evidence)", repeatedQueries)
            .put("receipts, notices or agency results made twice", receiptsTwice + noticesTwice + resultsTwice)
            .put("incidents", incidents)
            .put("cases lost", numbers.size() - waitingAtClerk)
            .write();

        assertThat(waitingAtClerk).isEqualTo(numbers.size());
        assertThat(receiptsTwice + noticesTwice + resultsTwice).isZero();
        assertThat(incidents).isZero();
      }
    } finally {
      if (proxy != null) {
        proxy.destroy();
      }
      if (a != null) {
        a.kill();
      }
      if (b != null) {
        b.stop();
      }
      simulator.close();
    }
  }

  /** Until no asynchronous step of these cases is left; the dead node's locks expire meanwhile. */
  private void awaitDrained(Connection db, List<String> numbers) throws Exception {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (true) {
      long pending = count(db, "select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_"
          + " where j.type_ = 'message' and e.business_key_ = any(?)", numbers);
      long started = count(db, "select count(distinct e.business_key_) from act_ru_execution e where e.business_key_ = any(?)", numbers);
      if (pending == 0 && started == numbers.size()) {
        return;
      }
      assertThat(System.nanoTime()).as("%d asynchronous steps still pending", pending).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static long count(Connection db, String sql, List<String> numbers) throws Exception {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      if (sql.contains("?")) {
        query.setArray(1, db.createArrayOf("varchar", numbers.toArray()));
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static long count(Connection db, String sql) throws Exception {
    return count(db, sql, List.of());
  }

  /** The portal's POST, or null when no answer came at all (the connection failed). */
  private HttpResponse<String> postOrNull(String url, String body, String idempotencyKey) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", idempotencyKey)
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("portal:demo".getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> post(String url, String body, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A service node: the application in its own JVM, on the production profile. */
  private record Node(String name, Process process, int port, Path log) {

    static Node start(String name, String database, int simulatorPort, String jwk) throws IOException {
      int port = freePort();
      Path dir = Files.createDirectories(Path.of("target", "drills", name));
      Path log = dir.resolve("node.log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
          "-cp", classpath(), CaseRouterApplication.class.getName(),
          "--server.port=" + port,
          "--logging.structured.format.console=",
          "--camunda.bpm.job-execution.lock-time-in-millis=5000",
          "--camunda.bpm.job-execution.wait-time-in-millis=200",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--caserouting.demo.enabled=true",
          "--caserouting.demo.applications=false",
          "--caserouting.verification.enabled=true",
          "--caserouting.verification.retry-cycle=R5/PT2S",
          "--caserouting.simulator.url=http://localhost:" + simulatorPort + "/simulator"));
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(Map.of(
          "SPRING_PROFILES_ACTIVE", "postgres",
          "DB_URL", database,
          "DB_USER", "postgres",
          "DB_PASSWORD", "postgres",
          "DB_POOL_SIZE", "10",
          "ADMIN_USER", "drill-admin",
          "ADMIN_PASSWORD", "drill-only",
          // The portal signs in with its key, whose hash the node is given, as in production.
          "PORTAL_KEY_SHA256", org.caserouting.platform.Sha256.of("demo"),
          "CASEROUTING_RECEIPTS_JWK", jwk,
          "CASEROUTING_TRACKING_READER_KEY", "drill-only-reader-key"));
      return new Node(name, builder.start(), port, log);
    }

    String url(String path) {
      return "http://localhost:" + port + path;
    }

    void awaitReady() throws Exception {
      HttpClient client = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError(name + " exited on start:\n" + tail());
        }
        try {
          if (client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(500);
      }
      throw new AssertionError(name + " not ready in " + START_TIMEOUT + ":\n" + tail());
    }

    /** SIGKILL: no shutdown hook, no lock released, as when a machine dies. */
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }

    private String tail() throws IOException {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String classpath() {
      String surefire = System.getProperty("surefire.test.class.path");
      return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

  }
}
