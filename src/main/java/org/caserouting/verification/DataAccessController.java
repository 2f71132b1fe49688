package org.caserouting.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.caserouting.intake.CaseAccess;
import org.springframework.security.core.Authentication;
import org.caserouting.platform.CalendarProperties;
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

  record AgencyPair(String requestingAgency, String sourceAgency, long asked, long answered) {}

  private final EvidenceLog evidence;
  private final VerificationEvidenceRepository rows;
  private final CaseAccess access;
  private final ZoneId zone;

  DataAccessController(
      EvidenceLog evidence, VerificationEvidenceRepository rows, CaseAccess access, CalendarProperties calendar) {
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

  /** Queries asked and answered per pair of agencies in a period: who carries the burden. */
  @GetMapping("/api/reports/data-exchange")
  List<AgencyPair> dataExchange(
      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
    Instant start = (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant();
    Instant end = (to == null ? LocalDate.of(2999, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant();
    Map<String, List<VerificationEvidence>> byPair =
        rows.findByOccurredAtBetween(start, end).stream()
            .collect(Collectors.groupingBy(e -> e.getRequestingAgency() + "→" + e.getSourceAgency(), TreeMap::new,
                Collectors.toList()));
    return byPair.values().stream()
        .map(pair -> new AgencyPair(
            pair.get(0).getRequestingAgency(),
            pair.get(0).getSourceAgency(),
            pair.size(),
            pair.stream().filter(e -> e.getOutcome() == EvidenceOutcome.ANSWERED).count()))
        .toList();
  }
}
