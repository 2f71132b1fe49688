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

  private static final Map<String, Map<String, Object>> PEOPLE =
      Map.of(
          "A123456789", person("王小明", "臺北市大安區和平東路二段106號"),
          "F231234561", person("林美麗", "臺北市大安區和平東路二段106號"),
          "Z100000002", person("陳大同", "臺北市大安區和平東路二段106號"));

  private static final List<Map<String, Object>> WANG_HOUSEHOLD =
      List.of(
          Map.of("nationalId", "A123456789", "name", "王小明", "relation", "本人 self"),
          Map.of("nationalId", "F231234561", "name", "林美麗", "relation", "配偶 spouse"),
          Map.of("nationalId", "Z100000002", "name", "陳大同", "relation", "子 son"));

  private static final Map<String, Map<String, Object>> TAX =
      Map.of(
          "A123456789", Map.of("income", 180000, "property", Map.of("realEstate", 0, "deposits", 52000),
              "taxPaid", "已繳清 PAID IN FULL"),
          "F231234561", Map.of("income", 96000, "property", Map.of("realEstate", 0, "deposits", 8000),
              "taxPaid", "已繳清 PAID IN FULL"),
          "Z100000002", Map.of("income", 0, "property", Map.of("realEstate", 0, "deposits", 0),
              "taxPaid", "無應納稅額 NOTHING DUE"));

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
        Map<String, Object> person = PEOPLE.get(subjectId);
        if (person == null) {
          yield null;
        }
        Map<String, Object> household = new LinkedHashMap<>(person);
        household.put("members", WANG_HOUSEHOLD);
        yield household;
      }
      case "tax" -> TAX.get(subjectId);
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
