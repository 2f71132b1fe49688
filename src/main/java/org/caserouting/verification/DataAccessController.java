package org.caserouting.verification;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseAccess;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.CalendarProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DataAccessController {

  /** One look at the applicant's data, as the applicant may see it: no internal details. */
  record DataAccess(
      Instant at, String requestingAgency, String sourceAgency, String service, String purpose, String fields,
      EvidenceOutcome outcome) {}

  record DataAccessView(String applicationNo, boolean intact, List<DataAccess> accesses) {}

  /**
   * @param asked queries the first agency's cases asked of the second
   * @param answered of those, the ones answered
   * @param changeNotices changes reported at the first agency's counter and passed to the second
   *     (N合一), online or as a task: work the second agency does for the first
   */
  record AgencyPair(String requestingAgency, String sourceAgency, long asked, long answered, long changeNotices) {}

  private final EvidenceLog evidence;
  private final VerificationEvidenceRepository rows;
  private final CaseAccess access;
  private final ZoneId zone;

  private final JdbcTemplate jdbc;

  DataAccessController(
      EvidenceLog evidence, VerificationEvidenceRepository rows, CaseAccess access, CalendarProperties calendar,
      JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.evidence = evidence;
    this.rows = rows;
    this.access = access;
    this.zone = calendar.zone();
  }

  /** "Who looked at my data": every query about this application and every refusal, and why. */
  @GetMapping("/api/applications/{applicationNo}/data-access")
  DataAccessView dataAccess(@PathVariable String applicationNo, Authentication caller) {
    access.requireReadable(applicationNo, caller);
    return new DataAccessView(
        applicationNo,
        evidence.intact(applicationNo),
        evidence.of(applicationNo).stream()
            .map(e -> new DataAccess(e.getOccurredAt(), e.getRequestingAgency(), e.getSourceAgency(), e.getService(),
                e.getPurpose(), e.getFields(), e.getOutcome()))
            .toList());
  }

  /**
   * Queries asked and answered per pair of agencies in a period: who carries the burden. The
   * city's administrators see every pair; an agency's section chief and director the pairs their
   * agency is part of; nobody else (403).
   */
  @GetMapping("/api/reports/data-exchange")
  List<AgencyPair> dataExchange(
      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Set<String> ownAgencies = caller.agenciesAs(AgencyGroups.Role.CHIEF, AgencyGroups.Role.DIRECTOR);
    if (!caller.isAdministrator() && ownAgencies.isEmpty()) {
      throw new NotAllowedToReport(caller.userId());
    }
    Instant start = (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant();
    Instant end = (to == null ? LocalDate.of(2999, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant();
    Map<String, long[]> byPair = new TreeMap<>();
    for (VerificationEvidence row : rows.findByOccurredAtBetween(start, end)) {
      if (VerificationEvidence.CHANGE_NOTIFICATION_STEP.equals(row.getStep())) {
        continue; // counted below, with the notices done by hand
      }
      long[] counts = byPair.computeIfAbsent(row.getRequestingAgency() + "→" + row.getSourceAgency(), pair -> new long[3]);
      counts[0]++;
      counts[1] += row.getOutcome() == EvidenceOutcome.ANSWERED ? 1 : 0;
    }
    jdbc.query("select r.receiving_agency, n.agency, count(*) from change_notice n join change_report r on r.change_no = n.change_no"
            + " where n.consented = true and r.reported_at >= ? and r.reported_at < ? group by r.receiving_agency, n.agency",
        (ResultSet row) -> {
          byPair.computeIfAbsent(row.getString(1) + "→" + row.getString(2), pair -> new long[3])[2] += row.getLong(3);
        },
        Timestamp.from(start), Timestamp.from(end));
    return byPair.entrySet().stream()
        .map(pair -> {
          String[] agencies = pair.getKey().split("→", 2);
          long[] counts = pair.getValue();
          return new AgencyPair(agencies[0], agencies[1], counts[0], counts[1], counts[2]);
        })
        .filter(pair -> caller.isAdministrator()
            || ownAgencies.contains(pair.requestingAgency()) || ownAgencies.contains(pair.sourceAgency()))
        .toList();
  }

  static final class NotAllowedToReport extends ApiProblem {
    NotAllowedToReport(String user) {
      super(HttpStatus.FORBIDDEN, "not-allowed-to-report", "Not allowed to read this report",
          "僅系統管理者及各機關科長、首長（限本機關）可閱覽此報表 User '" + user + "' may not read the"
              + " data-exchange report: administrators, and agencies' section chiefs and directors for their own"
              + " agency, may.",
          Map.of());
    }
  }
}
