package org.caserouting.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.caserouting.cases.Caller;
import org.caserouting.platform.CalendarProperties;
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
   * the burden. The city oversight office and administrators see every pair; an agency's section
   * chief and director the pairs their agency is part of; nobody else (403).
   */
  @GetMapping("/api/reports/data-exchange")
  List<BurdenReport.AgencyPair> dataExchange(
      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    ReportScope scope = ReportScope.of(caller);
    return burden.between(
            (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant(),
            (to == null ? LocalDate.of(2999, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant())
        .stream()
        .filter(pair -> scope.covers(pair.requestingAgency()) || scope.covers(pair.sourceAgency()))
        .toList();
  }
}
