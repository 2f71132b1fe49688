package org.caserouting.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caserouting.cases.Caller;
import org.caserouting.catalog.Catalog;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.WorkingDayCalendar;
import org.caserouting.reports.OversightReport.Figures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The oversight figures (研考) under /api/reports/: as JSON, and as CSV for a spreadsheet. The
 * period is in dates, inclusive, in the city's time zone (default: this year to today); an agency
 * and a type narrow it. The city oversight office and administrators read every agency; an
 * agency's section chief and director their own; nobody else (403). No figure names a citizen.
 */
@RestController
class OversightController {

  /** The report with the names staff read beside each code. */
  record OversightView(LocalDate from, LocalDate to, String caseType, String caseTypeName, List<AgencyView> agencies,
      List<CoReviewView> coReviews) {}

  record AgencyView(String agency, String agencyName, Figures total, List<TypeView> byType) {}

  record TypeView(String caseType, String caseTypeName, Figures figures) {}

  record CoReviewView(String agency, String agencyName, long asked, long answered, long noResponse,
      Integer responseMedianDays, Integer responseP90Days) {}

  private final OversightReport report;
  private final Catalog catalog;
  private final WorkingDayCalendar calendar;

  OversightController(OversightReport report, Catalog catalog, WorkingDayCalendar calendar) {
    this.report = report;
    this.catalog = catalog;
    this.calendar = calendar;
  }

  @GetMapping("/api/reports/oversight")
  OversightView oversight(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String caseType,
      Authentication authentication) {
    return view(query(from, to, agency, caseType, Caller.of(authentication)));
  }

  /** One row per agency and type, and one per agency for all its types (類別「全部 All」). */
  @GetMapping(value = "/api/reports/oversight.csv", produces = "text/csv")
  ResponseEntity<String> oversightCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String caseType, Authentication authentication) {
    OversightView view = view(query(from, to, agency, caseType, Caller.of(authentication)));
    StringBuilder csv = new StringBuilder();
    Csv.row(csv, "起 From", "迄 To", "機關代碼 Agency code", "機關 Agency", "案件類別代碼 Case type code",
        "案件類別 Case type", "收件 Received", "結案 Decided", "撤回 Withdrawn", "如期 On time", "如期率 On-time rate",
        "處理日數中位數 Lead time median (working days)", "處理日數第90百分位 Lead time p90 (working days)",
        "曾補正 Supplemented", "補正率 Supplement rate", "待辦 Backlog", "待辦日數中位數 Backlog median age",
        "最久待辦日數 Backlog oldest age");
    for (AgencyView agencyView : view.agencies()) {
      List<TypeView> rows = new ArrayList<>(agencyView.byType());
      rows.add(new TypeView("*", "全部 All", agencyView.total()));
      for (TypeView row : rows) {
        Figures f = row.figures();
        Csv.row(csv, view.from(), view.to(), agencyView.agency(), agencyView.agencyName(), row.caseType(),
            row.caseTypeName(), f.received(), f.decided(), f.withdrawn(), f.onTime(), f.onTimeRate(),
            f.leadTimeMedianDays(), f.leadTimeP90Days(), f.supplemented(), f.supplementRate(), f.backlog(),
            f.backlogMedianAgeDays(), f.backlogOldestAgeDays());
      }
    }
    return csv(csv, "oversight");
  }

  @GetMapping(value = "/api/reports/co-reviews.csv", produces = "text/csv")
  ResponseEntity<String> coReviewsCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String caseType, Authentication authentication) {
    OversightView view = view(query(from, to, agency, caseType, Caller.of(authentication)));
    StringBuilder csv = new StringBuilder();
    Csv.row(csv, "起 From", "迄 To", "機關代碼 Agency code", "機關 Agency", "受會辦 Asked", "已回復 Answered",
        "逾期未復 No response", "回復日數中位數 Response median (working days)",
        "回復日數第90百分位 Response p90 (working days)");
    for (CoReviewView row : view.coReviews()) {
      Csv.row(csv, view.from(), view.to(), row.agency(), row.agencyName(), row.asked(), row.answered(),
          row.noResponse(), row.responseMedianDays(), row.responseP90Days());
    }
    return csv(csv, "co-reviews");
  }

  OversightReport.Query query(String from, String to, String agency, String caseType, Caller caller) {
    ReportScope scope = ReportScope.of(caller);
    List<InvalidField> errors = new ArrayList<>();
    LocalDate today = calendar.today();
    LocalDate start = date(from, "from", today.withDayOfYear(1), errors);
    LocalDate end = date(to, "to", today, errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(new InvalidField("to", "須不早於起日 must not be before 'from'"));
    }
    String type = caseType == null || caseType.isBlank() ? null : caseType.strip();
    if (type != null && !catalog.hasCaseType(type)) {
      errors.add(new InvalidField("caseType", "查無此案件類別 is not a type in the catalog: " + type));
    }
    if (!errors.isEmpty()) {
      throw new InvalidReportQuery(errors);
    }
    return new OversightReport.Query(start, end, scope.narrowedTo(agency, caller), type);
  }

  OversightView view(OversightReport.Query query) {
    OversightReport.Result result = report.of(query);
    Map<String, String> agencies = catalog.agencyNames();
    Map<String, String> types = catalog.caseTypeNames();
    return new OversightView(query.from(), query.to(), query.caseType(),
        query.caseType() == null ? null : types.get(query.caseType()),
        result.agencies().stream()
            .map(a -> new AgencyView(a.agency(), agencies.getOrDefault(a.agency(), a.agency()), a.total(),
                a.byType().stream()
                    .map(t -> new TypeView(t.caseType(), types.getOrDefault(t.caseType(), t.caseType()), t.figures()))
                    .toList()))
            .toList(),
        result.coReviews().stream()
            .map(c -> new CoReviewView(c.agency(), agencies.getOrDefault(c.agency(), c.agency()), c.asked(),
                c.answered(), c.noResponse(), c.responseMedianDays(), c.responseP90Days()))
            .toList());
  }

  private static LocalDate date(String text, String field, LocalDate otherwise, List<InvalidField> errors) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new InvalidField(field, "不是日期 is not a date such as 2026-12-01: '" + text + "'"));
      return null;
    }
  }

  private static ResponseEntity<String> csv(StringBuilder csv, String name) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
        // A byte-order mark, so that a spreadsheet opens the Chinese headers as UTF-8.
        .body("\uFEFF" + csv);
  }

  static final class InvalidReportQuery extends ApiProblem {
    InvalidReportQuery(List<InvalidField> errors) {
      super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "報表條件有誤 The report's filters are invalid.", Map.of("errors", errors));
    }
  }

  /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
  static final class Csv {
    private Csv() {}

    static void row(StringBuilder csv, Object... fields) {
      for (int i = 0; i < fields.length; i++) {
        String text = fields[i] == null ? "" : fields[i].toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
          text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        csv.append(i == 0 ? "" : ",").append(text);
      }
      csv.append("\r\n");
    }
  }
}
