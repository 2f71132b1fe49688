package org.caserouting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The oversight reports over a year of history (docs/performance.md), run by {@code mvn -Pbench
 * test -Dtest=ReportsBench}: 100,000 decided cases and 5,000 open ones spread over every type of
 * the catalog and the year before, and 20,000 co-reviews, written in bulk into the reporting
 * tables as the cases would have written them; then each report asked over HTTP as its readers
 * ask it, timed at p50, p95 and p99, beside a baseline in the same run: one type of the catalog
 * read through the same HTTP, security and JSON path. {@code -Dbench.decided=} changes the size.
 * Writes target/bench/reports.json and .md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ADMIN_USER=bench-admin",
    "ADMIN_PASSWORD=bench-only-password",
    "CASEROUTING_TRACKING_READER_KEY=bench-only-reader-key",
    "caserouting.receipts.key-file=target/bench/receipt-key.jwk.json",
    "caserouting.verification.enabled=false",
    "caserouting.mail.poll-interval=P3650D",
    "caserouting.deadlines.scan-interval=P3650D",
    "caserouting.metrics.refresh-interval=P3650D"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = ReportsBench.OwnDatabase.class)
class ReportsBench {

  static final int DECIDED = Integer.getInteger("bench.decided", 100_000);
  static final int OPEN = DECIDED / 20;
  static final int CO_REVIEWS = DECIDED / 5;
  static final int WARM_UP = 5;
  static final int MEASURED = 60;
  static final String PASSWORD = "bench-only-password-2";

  static class OwnDatabase extends EmbeddedPostgresInitializer {
    OwnDatabase() {
      super("reports_bench", "reportsbench");
    }
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate http;

  private final Map<String, Object> results = new LinkedHashMap<>();

  @Test
  void measure() throws Exception {
    results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20));
    long start = System.nanoTime();
    fill();
    results.put("rows", Map.of(
        "caseFigures", jdbc.queryForObject("select count(*) from case_figures", Long.class),
        "decided", jdbc.queryForObject("select count(*) from case_figures where closed_on is not null", Long.class),
        "coReviews", jdbc.queryForObject("select count(*) from co_review", Long.class)));
    results.put("loadSeconds", CaseRouterBench.round((System.nanoTime() - start) / 1e9));
    person("bench-oversight", AgencyGroups.CITY_OVERSIGHT);
    person("bench-daan-chief", "do-daan-chief");

    Map<String, Object> timed = new LinkedHashMap<>();
    timed.put("baseline: GET /api/case-types/SW-LOW-INCOME", time("bench-oversight", "/api/case-types/SW-LOW-INCOME"));
    timed.put("every agency, the year (oversight office)", time("bench-oversight",
        "/api/reports/oversight?from=2025-12-01&to=2026-11-30"));
    timed.put("every agency, one month", time("bench-oversight", "/api/reports/oversight?from=2026-06-01&to=2026-06-30"));
    timed.put("every agency, the year, as CSV", time("bench-oversight",
        "/api/reports/oversight.csv?from=2025-12-01&to=2026-11-30"));
    timed.put("one agency, the year (its chief)", time("bench-daan-chief",
        "/api/reports/oversight?from=2025-12-01&to=2026-11-30"));
    timed.put("one agency and type, the year", time("bench-oversight",
        "/api/reports/oversight?from=2025-12-01&to=2026-11-30&agency=DO-DAAN&caseType=SW-LOW-INCOME"));
    double baseline = (double) ((Map<?, ?>) timed.get("baseline: GET /api/case-types/SW-LOW-INCOME")).get("p99Ms");
    timed.values().stream().skip(1).map(value -> (Map<String, Object>) value)
        .forEach(report -> report.put("p99OverBaselineP99", CaseRouterBench.round((double) report.get("p99Ms") / baseline)));
    results.put("timed", timed);
    write();
  }

  /**
   * A year of cases, as the reporting table would hold them: each of the catalog's types at its
   * receiving agency, received on a day of the year, decided 0 to 44 working days later, one in
   * seven after a supplement, one in eleven rejected; then the open ones, and co-reviews of the
   * first cases by the city's departments, a tenth of them unanswered.
   */
  private void fill() {
    String types = "(select row_number() over (order by code) - 1 as i, code, receiving_agency from case_type) t";
    int typeCount = jdbc.queryForObject("select count(*) from case_type", Integer.class);
    jdbc.update("""
        insert into case_figures (application_no, receiving_agency, case_type_code, received_on, time_limit_days,
            supplements, paused_working_days, closed_on, outcome, lead_working_days, on_time)
        select 'B-' || g, t.receiving_agency, t.code, date '2025-12-01' + (g %% 330), 30,
               case when g %% 7 = 0 then 1 else 0 end, case when g %% 7 = 0 then g %% 10 else 0 end,
               date '2025-12-01' + (g %% 330) + (g %% 45) * 7 / 5,
               case when g %% 11 = 0 then 'REJECTED' else 'APPROVED' end, g %% 45,
               (g %% 45) - (case when g %% 7 = 0 then g %% 10 else 0 end) <= 30
        from generate_series(1, ?) g join %s on t.i = g %% ?""".formatted(types), DECIDED, typeCount);
    jdbc.update("""
        insert into case_figures (application_no, receiving_agency, case_type_code, received_on, time_limit_days)
        select 'O-' || g, t.receiving_agency, t.code, date '2026-11-30' - (g %% 120), 30
        from generate_series(1, ?) g join %s on t.i = g %% ?""".formatted(types), OPEN, typeCount);
    jdbc.update("""
        insert into application (version, application_no, case_type_code, receiving_agency, applicant_national_id,
            applicant_name, submitted_via, consent_to_data_queries, channel, route, status, submitted_at, due_date,
            request_hash)
        select 0, f.application_no, f.case_type_code, f.receiving_agency, 'A123456789', '－', 'ONLINE', true,
               'FULLY_ONLINE', 'JOINT_REVIEW', 'DECIDED', f.received_on, f.received_on + 42, 'bench'
        from case_figures f where f.application_no in (select 'B-' || g from generate_series(1, ?) g)""", CO_REVIEWS);
    jdbc.update("""
        insert into co_review (version, application_no, agency, source, asked_at, answered_at, outcome,
            response_working_days)
        select 0, 'B-' || g, a.code, 'CATALOG', date '2025-12-01' + (g % 330),
               case when g % 10 = 0 then null else date '2025-12-01' + (g % 330) + (g % 9) end,
               case when g % 10 = 0 then 'NO_RESPONSE' else 'AGREE' end,
               case when g % 10 = 0 then null else (g % 9) * 5 / 7 end
        from generate_series(1, ?) g
        join (select row_number() over (order by code) - 1 as i, code from agency where level = 'CITY') a
          on a.i = g % (select count(*) from agency where level = 'CITY')""", CO_REVIEWS);
    jdbc.execute("vacuum analyze case_figures");
    jdbc.execute("vacuum analyze co_review");
  }

  private void person(String id, String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      identity.saveGroup(group);
    }
    User user = identity.newUser(id);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, groupId);
  }

  private Map<String, Object> time(String user, String path) {
    TestRestTemplate as = http.withBasicAuth(user, PASSWORD);
    List<Long> nanos = new ArrayList<>();
    int length = 0;
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      long t0 = System.nanoTime();
      ResponseEntity<String> response = as.getForEntity(path, String.class);
      long took = System.nanoTime() - t0;
      assertThat(response.getStatusCode().value()).as("%s %s: %s", user, path, response.getBody()).isEqualTo(200);
      length = response.getBody().length();
      if (i >= WARM_UP) {
        nanos.add(took);
      }
    }
    Collections.sort(nanos);
    Map<String, Object> timed = new LinkedHashMap<>();
    timed.put("bodyChars", length);
    timed.put("p50Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 50)));
    timed.put("p95Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 95)));
    timed.put("p99Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 99)));
    return timed;
  }

  @SuppressWarnings("unchecked")
  private void write() throws java.io.IOException {
    Files.createDirectories(CaseRouterBench.OUT);
    Files.writeString(CaseRouterBench.OUT.resolve("reports.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
    StringBuilder md = new StringBuilder();
    md.append("Rows: ").append(results.get("rows")).append(", loaded in ").append(results.get("loadSeconds"))
        .append(" s\n\n| request | p50 ms | p95 ms | p99 ms | p99 / baseline p99 | body chars |\n|---|---|---|---|---|---|\n");
    ((Map<String, Map<String, Object>>) results.get("timed")).forEach((name, t) -> md.append("| ").append(name)
        .append(" | ").append(t.get("p50Ms")).append(" | ").append(t.get("p95Ms")).append(" | ").append(t.get("p99Ms"))
        .append(" | ").append(t.getOrDefault("p99OverBaselineP99", "1")).append(" | ").append(t.get("bodyChars"))
        .append(" |\n"));
    Files.writeString(CaseRouterBench.OUT.resolve("reports.md"), md.toString());
  }
}
