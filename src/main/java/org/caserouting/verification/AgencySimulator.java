package org.caserouting.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the agencies' X-Road services, so the demo runs with no outside system. It knows
 * the demo applicants, answers only the fields asked for, 404 for anyone else, and can be told to
 * misbehave: {@code POST /simulator/faults/{service}?mode=ERROR_500|DELAY|MALFORMED|RESET|NONE}.
 * The data is invented. Off in profile {@code postgres}.
 */
@RestController
@RequestMapping("/simulator")
@ConditionalOnProperty(name = "caserouting.simulator.enabled", havingValue = "true")
class AgencySimulator {

  enum Fault {
    NONE,
    ERROR_500,
    DELAY,
    MALFORMED,
    RESET
  }

  /**
   * The demo's households, by applicant: the members registered with them and the spouse and
   * first-degree relatives registered elsewhere. Besides the Wangs, each shows a rule of the means
   * test (docs/means-test.md): a single elderly person; a family whose working daughter lives in
   * Kaohsiung (counted), whose uncle lives with them (not counted) and whose mother's new job shows
   * in labour insurance, not yet in the tax record; a mother whose adult son has
   * no recorded income (the basic wage is counted); a couple just above the middle-low income line.
   */
  private static final Map<String, Household> HOUSEHOLDS = Map.of(
      "A123456789", new Household("臺北市大安區和平東路二段106號", List.of(
          member("A123456789", "王小明", "SELF", "1985-01-01"),
          member("F231234561", "林美麗", "SPOUSE", "1987-05-05"),
          member("Z100000002", "陳大同", "CHILD", "2015-09-01")), List.of()),
      "A220000018", new Household("臺北市大安區臥龍街35巷2號", List.of(
          member("A220000018", "李秀蘭", "SELF", "1948-05-10")), List.of()),
      "A120000025", new Household("臺北市大安區通化街88號3樓", List.of(
          member("A120000025", "陳志明", "SELF", "1972-08-01"),
          member("A220000045", "林淑芬", "SPOUSE", "1975-02-14"),
          member("A120000052", "陳家豪", "CHILD", "2012-09-03"),
          member("A120000034", "陳志強", "SIBLING", "1970-01-20")), List.of(
          member("E220000138", "陳怡君", "CHILD", "1998-04-22"))),
      "A220000072", new Household("臺北市大安區辛亥路三段15號", List.of(
          member("A220000072", "張美玲", "SELF", "1980-06-15"),
          member("A120000061", "張志偉", "CHILD", "2001-03-09")), List.of()),
      "A120000089", new Household("臺北市大安區安和路一段27號", List.of(
          member("A120000089", "黃國華", "SELF", "1968-11-30"),
          member("A220000090", "吳淑惠", "SPOUSE", "1970-07-07")), List.of()));

  private static final Map<String, Map<String, Object>> PEOPLE = people();

  /** Income of the last year assessed (yearly) and property at its value, as the fiscal information gives them. */
  private static final Map<String, Map<String, Object>> TAX = Map.ofEntries(
      Map.entry("A123456789", tax(180000, 0, 0, 52000, 0, 0, 0, "已繳清 PAID IN FULL")),
      Map.entry("F231234561", tax(96000, 0, 0, 8000, 0, 0, 0, "已繳清 PAID IN FULL")),
      Map.entry("Z100000002", tax(0, 0, 0, 0, 0, 0, 0, "無應納稅額 NOTHING DUE")),
      Map.entry("A220000018", tax(0, 1200, 0, 80000, 0, 0, 0, "無應納稅額 NOTHING DUE")),
      Map.entry("A120000025", tax(240000, 600, 0, 40000, 0, 0, 0, "已繳清 PAID IN FULL")),
      Map.entry("A220000045", tax(0, 0, 0, 20000, 0, 0, 0, "無應納稅額 NOTHING DUE")),
      Map.entry("A120000052", tax(0, 0, 0, 0, 0, 0, 0, "無應納稅額 NOTHING DUE")),
      Map.entry("A120000034", tax(480000, 0, 0, 300000, 0, 0, 0, "已繳清 PAID IN FULL")),
      Map.entry("E220000138", tax(600000, 0, 0, 100000, 0, 0, 0, "已繳清 PAID IN FULL")),
      Map.entry("A220000072", tax(264000, 0, 0, 30000, 0, 0, 0, "已繳清 PAID IN FULL")),
      Map.entry("A120000061", tax(0, 0, 0, 5000, 0, 0, 0, "無應納稅額 NOTHING DUE")),
      Map.entry("A120000089", tax(420000, 2400, 0, 120000, 0, 0, 0, "已繳清 PAID IN FULL")),
      Map.entry("A220000090", tax(336000, 0, 0, 80000, 0, 0, 0, "已繳清 PAID IN FULL")));

  /**
   * Labour insurance's insured monthly salary, for those who work now: 林淑芬 took a job this year,
   * so last year's tax record shows no salary, and the insured salary is her work income.
   */
  private static final Map<String, Map<String, Object>> INSURED = Map.of(
      "A220000045", Map.of("insuredSalary", 31800));

  private record Household(String address, List<Map<String, Object>> members, List<Map<String, Object>> relatives) {}

  private static Map<String, Object> member(String nationalId, String name, String relation, String birthDate) {
    return Map.of("nationalId", nationalId, "name", name, "relation", relation, "birthDate", birthDate);
  }

  private static Map<String, Object> tax(int salary, int interest, int rent, int deposits, int investments, int land,
      int buildings, String taxPaid) {
    return Map.of(
        "income", Map.of("salary", salary, "interest", interest, "rent", rent),
        "property", Map.of("deposits", deposits, "investments", investments, "land", land, "buildings", buildings),
        "taxPaid", taxPaid);
  }

  /** Everyone the registration knows: each member, at their household's address. */
  private static Map<String, Map<String, Object>> people() {
    Map<String, Map<String, Object>> people = new LinkedHashMap<>();
    HOUSEHOLDS.values().forEach(household -> household.members().forEach(member ->
        people.put((String) member.get("nationalId"), person((String) member.get("name"), household.address()))));
    return Map.copyOf(people);
  }

  private static final Map<String, Map<String, Object>> BUSINESS =
      Map.of(
          "F231234561",
          Map.of("status", "核准設立 ACTIVE", "name", "美麗娛樂有限公司", "companyId", "83812345", "capital", 5000000));

  private static final Map<String, Map<String, Object>> LAND =
      Map.of(
          "ZS-0123-0000",
          Map.of("owner", "美麗娛樂有限公司", "area", 132.5, "zoning", "第三種商業區 COMMERCIAL"),
          "DA-0456-0000",
          Map.of("owner", "王小明", "area", 88.0, "zoning", "第三種住宅區 RESIDENTIAL"));

  private static final Map<String, Map<String, Object>> BUILDINGS =
      Map.of(
          "ZS-0123-0000", Map.of("permitNo", "(85)使字第0123號", "permittedUse", "D-3 商業用途 commercial"),
          "DA-0456-0000", Map.of("permitNo", "(79)使字第0456號", "permittedUse", "H-2 住宅 residential"));

  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  private static Map<String, Object> person(String name, String address) {
    return Map.of("name", name, "address", address);
  }

  /** For the container's health check, when the simulator runs as a service of its own. */
  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @PostMapping("/faults/{service}")
  Map<String, Object> fault(
      @PathVariable String service, @RequestParam Fault mode, @RequestParam(defaultValue = "0") long delayMs) {
    faults.put(service, mode);
    delays.put(service, delayMs);
    return Map.of("service", service, "mode", mode, "delayMs", delayMs);
  }

  @GetMapping("/r1/{instance}/{memberClass}/{memberCode}/{subsystem}/{service}/{subjectId}")
  void answer(
      @PathVariable String service,
      @PathVariable String subjectId,
      @RequestParam(defaultValue = "") String fields,
      @RequestHeader(name = "X-Road-Id", required = false) String messageId,
      HttpServletResponse response)
      throws IOException, InterruptedException {
    Fault fault = faults.getOrDefault(service, Fault.NONE);
    switch (fault) {
      case ERROR_500 -> {
        write(response, 500, "{\"error\": \"simulated failure\"}");
        return;
      }
      case DELAY -> Thread.sleep(delays.getOrDefault(service, 10_000L));
      case MALFORMED -> {
        write(response, 200, "{\"name\": \"truncated");
        return;
      }
      case RESET -> {
        // Promise more than is sent: the client sees the connection end mid-answer.
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(4096);
        response.getOutputStream().write("{\"na".getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        throw new IOException("simulated connection reset");
      }
      default -> { }
    }
    Map<String, Object> record = record(service, subjectId);
    if (record == null) {
      write(response, 404, "{\"error\": \"no such subject\"}");
      return;
    }
    Set<String> asked = Arrays.stream(fields.split(",")).map(String::strip).collect(Collectors.toSet());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("subjectId", subjectId);
    answer.put("messageId", messageId);
    record.forEach((field, value) -> {
      if (asked.contains(field)) {
        answer.put(field, value);
      }
    });
    write(response, 200, json.writeValueAsString(answer));
  }

  /**
   * An agency taking a reported change (N合一): UPDATED for a person it knows, REJECTED with the
   * reason otherwise. Faults are set as for queries, under the service name {@code change-notice}.
   */
  @PostMapping("/r1/{instance}/{memberClass}/{memberCode}/{subsystem}/change-notice/{subjectId}")
  void takeChange(
      @PathVariable String memberCode,
      @PathVariable String subjectId,
      @RequestHeader(name = "X-Road-Id", required = false) String messageId,
      HttpServletResponse response)
      throws IOException, InterruptedException {
    Fault fault = faults.getOrDefault("change-notice", Fault.NONE);
    if (fault == Fault.ERROR_500) {
      write(response, 500, "{\"error\": \"simulated failure\"}");
      return;
    }
    if (fault == Fault.DELAY) {
      Thread.sleep(delays.getOrDefault("change-notice", 10_000L));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("subjectId", subjectId);
    answer.put("messageId", messageId);
    answer.put("agency", memberCode);
    if (PEOPLE.containsKey(subjectId)) {
      answer.put("result", "UPDATED");
    } else {
      answer.put("result", "REJECTED");
      answer.put("reason", "本機關查無此人之紀錄 This agency holds no record of this person");
    }
    write(response, 200, json.writeValueAsString(answer));
  }

  private static Map<String, Object> record(String service, String subjectId) {
    return switch (service) {
      case "household" -> {
        Household household = HOUSEHOLDS.get(subjectId);
        if (household == null) {
          yield null;
        }
        Map<String, Object> answer = new LinkedHashMap<>(PEOPLE.get(subjectId));
        answer.put("members", household.members());
        answer.put("relatives", household.relatives());
        yield answer;
      }
      case "tax" -> TAX.get(subjectId);
      case "insured-salary" -> INSURED.get(subjectId);
      case "welfare" -> PEOPLE.containsKey(subjectId)
          ? Map.of("status", "一般戶 NONE", "disability", "無 NONE")
          : null;
      case "building-use" -> BUILDINGS.get(subjectId);
      case "student-status" -> PEOPLE.containsKey(subjectId) ? Map.of("enrolled", "未在學 NOT ENROLLED") : null;
      case "business" -> BUSINESS.get(subjectId);
      case "land" -> LAND.get(subjectId);
      default -> null;
    };
  }

  private static void write(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(body);
  }
}
