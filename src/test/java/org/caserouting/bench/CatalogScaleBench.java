package org.caserouting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.caserouting.CaseRouterApplication;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.catalog.GeneratedCatalog;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The catalog at the city's scale (docs/performance.md), run by {@code mvn -Pbench test
 * -Dtest=CatalogScaleBench}: the service started on the catalog it ships and on the city's 363
 * generated types ({@link GeneratedCatalog}), each on a new database (every type inserted) and
 * again on the same one (a restart, every type already stored), timed from launch until it
 * answers; after a first round of the same, discarded, that pays the JVM's class loading and
 * compilation for both. Then the
 * catalog listing a portal loads, timed at p50, p95 and p99 on each, beside a baseline in the same
 * run: one welfare type read through the same HTTP, security and JSON path. Writes
 * target/bench/catalog-scale.json and .md.
 */
class CatalogScaleBench {

  static final int WARM_UP = 10;
  static final int MEASURED = 100;
  static final String READER = "bench-portal";
  static final String PASSWORD = "bench-only-password-2";

  private final Map<String, Object> results = new LinkedHashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void measure() throws Exception {
    results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20));
    CatalogFiles shipped = CatalogFiles.read(new DefaultResourceLoader(), "classpath:catalog/");
    String city = GeneratedCatalog.write(GeneratedCatalog.of(shipped),
        Files.createDirectories(CaseRouterBench.OUT.resolve("city-catalog")));

    // A first round, discarded, pays the JVM's class loading and compilation for both.
    measure("warmupshipped", "classpath:catalog/", shipped.caseTypes().size(), "SW-LOW-INCOME");
    measure("warmupcity", city, 363, "SW-GEN-001");
    Map<String, Object> catalogs = new LinkedHashMap<>();
    int shippedTypes = shipped.caseTypes().size();
    catalogs.put("shipped (" + shippedTypes + " types)", measure("shipped", "classpath:catalog/", shippedTypes, "SW-LOW-INCOME"));
    catalogs.put("city (363 types)", measure("city", city, 363, "SW-GEN-001"));
    results.put("catalogs", catalogs);
    write();
  }

  private Map<String, Object> measure(String name, String location, int types, String oneType) throws Exception {
    Map<String, Object> measured = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    ConfigurableApplicationContext first = start(name, location);
    measured.put("firstStartSeconds", CaseRouterBench.round((System.nanoTime() - t0) / 1e9));
    first.close();
    t0 = System.nanoTime();
    try (ConfigurableApplicationContext again = start(name, location)) {
      measured.put("restartSeconds", CaseRouterBench.round((System.nanoTime() - t0) / 1e9));
      reader(again);
      String base = "http://localhost:" + again.getEnvironment().getProperty("local.server.port");
      Map<String, Object> one = time(base + "/api/case-types/" + oneType);
      Map<String, Object> listing = time(base + "/api/case-types");
      assertThat(listing.get("types")).as("the catalog listed is the one started on").isEqualTo(types);
      listing.put("p99OverBaselineP99", CaseRouterBench.round((double) listing.get("p99Ms") / (double) one.get("p99Ms")));
      measured.put("baseline: GET /api/case-types/" + oneType, one);
      measured.put("GET /api/case-types", listing);
    }
    return measured;
  }

  private static ConfigurableApplicationContext start(String name, String location) {
    return new SpringApplicationBuilder(CaseRouterApplication.class)
        .profiles("postgres")
        .initializers(new EmbeddedPostgresInitializer("catalog_bench_" + name, "catalogbench" + name))
        // Arguments, not default properties: they must win over application.yaml, as an operator's do.
        .run(
            "--server.port=0",
            "--ADMIN_USER=bench-admin",
            "--ADMIN_PASSWORD=bench-only-password",
            "--CASEROUTING_TRACKING_READER_KEY=bench-only-reader-key",
            "--caserouting.receipts.key-file=target/bench/receipt-key.jwk.json",
            "--caserouting.catalog.location=" + location,
            "--caserouting.verification.enabled=false",
            "--caserouting.mail.poll-interval=P3650D",
            "--caserouting.deadlines.scan-interval=P3650D",
            "--caserouting.metrics.refresh-interval=P3650D");
  }

  /** The portal's account, which reads the catalog. */
  private static void reader(ConfigurableApplicationContext context) {
    IdentityService identity = context.getBean(IdentityService.class);
    if (identity.createGroupQuery().groupId(AgencyGroups.PORTAL).count() == 0) {
      Group group = identity.newGroup(AgencyGroups.PORTAL);
      group.setName(AgencyGroups.PORTAL);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(READER).count() == 0) {
      User user = identity.newUser(READER);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(READER, AgencyGroups.PORTAL);
    }
  }

  private Map<String, Object> time(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString((READER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    List<Long> nanos = new ArrayList<>();
    String body = "";
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - t0;
      assertThat(response.statusCode()).as("%s: %s", url, response.body()).isEqualTo(200);
      body = response.body();
      if (i >= WARM_UP) {
        nanos.add(took);
      }
    }
    Collections.sort(nanos);
    JsonNode answer = new ObjectMapper().readTree(body);
    Map<String, Object> timed = new LinkedHashMap<>();
    timed.put("types", answer.isArray() ? answer.size() : 1);
    timed.put("bodyChars", body.length());
    timed.put("p50Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 50)));
    timed.put("p95Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 95)));
    timed.put("p99Ms", CaseRouterBench.round(CaseRouterBench.percentile(nanos, 99)));
    return timed;
  }

  @SuppressWarnings("unchecked")
  private void write() throws IOException {
    Files.createDirectories(CaseRouterBench.OUT);
    Files.writeString(CaseRouterBench.OUT.resolve("catalog-scale.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
    StringBuilder md = new StringBuilder("| catalog | first start s | restart s | request | types | p50 ms | p95 ms | p99 ms"
        + " | p99 / baseline p99 |\n|---|---|---|---|---|---|---|---|---|\n");
    ((Map<String, Map<String, Object>>) results.get("catalogs")).forEach((catalog, measured) -> measured.forEach((key, value) -> {
      if (value instanceof Map<?, ?> t) {
        md.append("| ").append(catalog).append(" | ").append(measured.get("firstStartSeconds")).append(" | ")
            .append(measured.get("restartSeconds")).append(" | ").append(key).append(" | ").append(t.get("types"))
            .append(" | ").append(t.get("p50Ms")).append(" | ").append(t.get("p95Ms")).append(" | ").append(t.get("p99Ms"))
            .append(" | ").append(((Map<String, Object>) t).getOrDefault("p99OverBaselineP99", "1")).append(" |\n");
      }
    }));
    Files.writeString(CaseRouterBench.OUT.resolve("catalog-scale.md"), md.toString());
  }
}
