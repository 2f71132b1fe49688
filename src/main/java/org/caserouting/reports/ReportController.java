package org.caserouting.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caserouting.cases.Caller;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.CalendarProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {

  private final BurdenReport burden;
  private final ZoneId zone;

  ReportController(BurdenReport burden, CalendarProperties calendar) {
    this.burden = burden;
    this.zone = calendar.zone();
  }

  /**
   * Work per pair of agencies in a period (dates inclusive, in the city's time zone): who carries
   * the burden. The city's administrators see every pair; an agency's section chief and director
   * the pairs their agency is part of; nobody else (403).
   */
  @GetMapping("/api/reports/data-exchange")
  List<BurdenReport.AgencyPair> dataExchange(
      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Set<String> ownAgencies = caller.agenciesAs(AgencyGroups.Role.CHIEF, AgencyGroups.Role.DIRECTOR);
    if (!caller.isAdministrator() && ownAgencies.isEmpty()) {
      throw new NotAllowedToReport(caller.userId());
    }
    return burden.between(
            (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant(),
            (to == null ? LocalDate.of(2999, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant())
        .stream()
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
