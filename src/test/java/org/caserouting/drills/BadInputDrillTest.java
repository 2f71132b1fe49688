package org.caserouting.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.RETURN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Garbage from the internet at every endpoint that writes: thousands of bodies made by mutating a
 * valid one, property-based testing's generation with a seeded random so that it runs here, over
 * real HTTP against the shared service (wrong types, huge and invalid strings, unknown fields, script and SQL, nesting, broken
 * bytes). Whatever comes, the answer is never a 5xx, a refusal is problem+json naming what is
 * wrong, nothing is half-created, and text that was accepted comes back escaped on the pages.
 * Generated from a fixed seed, so a failure repeats; the failing body is in the message.
 */
@CaseRouterTest
class BadInputDrillTest {

  private static final long SEED = 20261126L;
  private static final int APPLICATION_BODIES = 1500;
  private static final int OTHER_BODIES = 300;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> PATHS = List.of(
      "", "caseTypeCode", "applicant", "applicant.nationalId", "applicant.name", "applicant.email", "applicant.phone",
      "documents", "documents.0", "documents.0.documentClass", "documents.0.title", "site", "site.address",
      "site.zone", "site.landParcelNo", "site.district", "submittedVia", "consentToDataQueries", "receivingAgency",
      "applicant.kind", "applicant.businessNo", "applicant.representativeName", "applicant.registeredDistrict",
      "applicationData", "applicationData.householdMembers", "applicationData.mailingAddress", "agent", "agent.relation",
      "agent.nationalId", "agent.licenceNo");

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private final Random random = new Random(SEED);
  private final List<String> nastyText = List.of(
      "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; drop table application; --",
      "${7*7}", "#{7*7}", "{{7*7}}", "\u0000", "a\u0000b", "\ud800", "\udfff\ud800", "\u202e\u202d", "👨‍👩‍👧‍👦",
      "", " ", "\t\n", "null", "NaN", "A123456789", "a".repeat(101), "臺北市".repeat(200), "../../etc/passwd",
      "%00", "\\u0000", "javascript:alert(1)");

  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int created;

  @Test
  void garbageAtEveryWriteEndpointIsRefusedClearlyAndLeavesNothingHalfMade() throws Exception {
    HttpHeaders portal = basic("portal");
    String supplementable = supplementTarget();
    long applicationsBefore = count("select count(*) from application");
    // Only this drill's applications: other tests' cases may have had their history cleaned up.
    long lastIdBefore = count("select coalesce(max(id), 0) from application");
    JsonNode valid = json.valueToTree(Submission.lowIncome().body());

    for (int i = 0; i < APPLICATION_BODIES; i++) {
      ResponseEntity<String> answer = send(HttpMethod.POST, "/api/applications", portal, body(valid), true);
      if (answer.getStatusCode().value() == 201) {
        created++;
      }
    }
    JsonNode supplement = json.readTree("{\"documents\":[{\"documentClass\":\"UPLOADABLE\",\"title\":\"薪資證明\"}]}");
    for (int i = 0; i < OTHER_BODIES; i++) {
      send(HttpMethod.POST, "/api/applications/" + supplementable + "/supplements", portal, body(supplement), true);
      send(HttpMethod.POST, "/api/receipts/verify", new HttpHeaders(), body(json.readTree("{\"receipt\":\"x.y.z\"}")), true);
      send(HttpMethod.POST, "/track", form(), formBody("applicationNo", "idSuffix"), false);
      send(HttpMethod.POST, "/track/verify", form(), formBody("receipt"), false);
    }

    long applicationsAfter = count("select count(*) from application");
    long withoutCase = count("select count(*) from application a where a.id > ? and (a.process_instance_id is null"
        + " or not exists (select 1 from act_hi_procinst p where p.id_ = a.process_instance_id))", lastIdBefore);
    long withoutReceipt = count("select count(*) from application a where a.id > ? and not exists"
        + " (select 1 from receipt r where r.application_no = a.application_no)", lastIdBefore);
    int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
    new DrillReport("Bad input: mutated bodies at every write endpoint")
        .put("seed", SEED)
        .put("requests", requests)
        .put("answers by status", statuses)
        .put("applications accepted (valid after mutation)", created)
        .put("5xx answers", statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum())
        .put("applications without their case or receipt", withoutCase + withoutReceipt)
        .write();

    assertThat(failures).as("answers that broke the rules").isEmpty();
    assertThat(applicationsAfter - applicationsBefore).as("one application per 201, none else").isEqualTo(created);
    assertThat(withoutCase).isZero();
    assertThat(withoutReceipt).isZero();
  }

  @Test
  void acceptedScriptTextComesBackEscapedOnTheApplicantsPage() {
    Api portal = new Api(http);
    String script = "<script>alert('x')</script>";
    Api.Response submitted = portal.submit(Submission.lowIncome().applicant("name", script).document("UPLOADABLE", script));
    assertThat(submitted.status()).isEqualTo(201);
    assertThat(submitted.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(submitted.headers().getFirst("X-Content-Type-Options")).as("JSON never sniffed as HTML").isEqualTo("nosniff");
    String no = submitted.body().get("applicationNo").asText();
    // The clerk asks for documents in words that are shown to the applicant.
    portal.workTask("do-daan-clerk", no, RETURN, OPINION.of(script));

    ResponseEntity<String> page = http.exchange("/track", HttpMethod.POST,
        new HttpEntity<>("applicationNo=" + no + "&idSuffix=6789", form()), String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  private ResponseEntity<String> send(HttpMethod method, String path, HttpHeaders headers, byte[] body, boolean api) {
    HttpHeaders sent = new HttpHeaders();
    sent.putAll(headers);
    if (!sent.containsKey(HttpHeaders.CONTENT_TYPE)) {
      sent.setContentType(random.nextInt(20) == 0 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON);
    }
    // A client address per request, as many people would be, so the look-up limit is not what answers.
    sent.set("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
    ResponseEntity<String> answer = http.exchange(path, method, new HttpEntity<>(body, sent), String.class);
    int status = answer.getStatusCode().value();
    statuses.merge(status, 1, Integer::sum);
    String shown = new String(body, StandardCharsets.UTF_8);
    shown = shown.length() > 300 ? shown.substring(0, 300) + "..." : shown;
    if (status >= 500) {
      failures.add(status + " for " + path + " " + shown + " -> " + answer.getBody());
    } else if (api && status >= 400 && status != 401 && status != 404 && status != 409 && status != 429) {
      MediaType type = answer.getHeaders().getContentType();
      if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
        failures.add(status + " not as problem+json for " + path + " " + shown);
      } else if (status == 400 && !answer.getBody().contains("\"errors\"")) {
        failures.add("400 without the list of errors for " + path + " " + shown + " -> " + answer.getBody());
      }
    }
    return answer;
  }

  /** A mutation of the valid body, or now and then bytes that are not JSON at all. */
  private byte[] body(JsonNode valid) throws Exception {
    int kind = random.nextInt(100);
    if (kind < 4) {
      return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
    }
    if (kind < 8) {
      String text = json.writeValueAsString(valid);
      return text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
    }
    if (kind < 10) {
      return ("[".repeat(2_000) + "]".repeat(2_000)).getBytes(StandardCharsets.UTF_8);
    }
    if (kind < 12) {
      return json.writeValueAsString(valid).replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"\\\\ud800x\"").getBytes(StandardCharsets.UTF_8);
    }
    JsonNode mutated = valid.deepCopy();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutated = mutate(mutated);
    }
    return json.writeValueAsBytes(mutated);
  }

  private JsonNode mutate(JsonNode root) {
    String path = PATHS.get(random.nextInt(PATHS.size()));
    if (path.isEmpty()) {
      return random.nextBoolean() ? value() : withUnknownField(root);
    }
    String[] parts = path.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parts[i].matches("\\d+") ? parent.path(Integer.parseInt(parts[i])) : parent.path(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (parent instanceof ObjectNode object) {
      switch (random.nextInt(4)) {
        case 0 -> object.remove(last);
        case 1 -> withUnknownField(object);
        default -> object.set(last, value());
      }
    } else if (parent instanceof ArrayNode array && last.matches("\\d+") && !array.isEmpty()) {
      array.set(0, value());
    }
    return root;
  }

  private JsonNode withUnknownField(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.set(pick(nastyText).isEmpty() ? "unknown" : "x" + random.nextInt(1000), value());
    }
    return node;
  }

  private JsonNode value() {
    return switch (random.nextInt(12)) {
      case 0 -> NODES.textNode(pick(nastyText));
      case 1 -> NODES.textNode(text(0, 300, Character.MIN_VALUE, Character.MAX_VALUE));
      case 2 -> NODES.textNode(text(5_000, 120_000, '一', '龥'));
      case 3 -> NODES.numberNode(random.nextLong());
      case 4 -> NODES.numberNode(random.nextDouble() * 1e300);
      case 5 -> NODES.booleanNode(random.nextBoolean());
      case 6 -> NODES.nullNode();
      case 7 -> NODES.arrayNode().add(pick(nastyText)).add(random.nextInt());
      case 8 -> NODES.objectNode().put(pick(nastyText), pick(nastyText));
      case 9 -> NODES.textNode(text(1, 20, '\u0000', '\u001f'));
      case 10 -> NODES.arrayNode();
      default -> NODES.textNode(pick(List.of("ONLINE", "COUNTER", "UPLOADABLE", "SW-LOW-INCOME", "DO-DAAN", "COMMERCIAL", "true")));
    };
  }

  /** Random text of that length and those characters; the full range includes unpaired surrogates. */
  private String text(int minLength, int maxLength, char from, char to) {
    char[] text = new char[minLength + random.nextInt(maxLength - minLength + 1)];
    for (int i = 0; i < text.length; i++) {
      text[i] = (char) (from + random.nextInt(to - from + 1));
    }
    return new String(text);
  }

  private byte[] formBody(String... fields) {
    StringBuilder body = new StringBuilder();
    for (String field : fields) {
      String value = random.nextBoolean() ? pick(nastyText) : text(0, 300, Character.MIN_VALUE, Character.MAX_VALUE);
      body.append(body.isEmpty() ? "" : "&").append(field).append('=')
          .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    if (random.nextInt(10) == 0) {
      body.append("&%ZZ=%GG&unknown=1");
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An application waiting for documents, so that supplements reach their validation. */
  private String supplementTarget() {
    Api api = new Api(http);
    String no = api.submit(Submission.lowIncome()).body().get("applicationNo").asText();
    api.workTask("do-daan-clerk", no, RETURN, OPINION.of("請補附薪資證明"));
    return no;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  private static HttpHeaders form() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return headers;
  }
}
