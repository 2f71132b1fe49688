package org.caserouting.reports;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caserouting.cases.Caller;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Whose figures a person may read: the city oversight office (研考會) and administrators every
 * agency's; an agency's section chief and director their own agency's; nobody else any.
 */
record ReportScope(Set<String> agencies) {

  /** Every agency. */
  static final ReportScope ALL = new ReportScope(null);

  static ReportScope of(Caller caller) {
    if (caller.isAdministrator() || caller.groups().contains(AgencyGroups.CITY_OVERSIGHT)) {
      return ALL;
    }
    Set<String> own = new TreeSet<>(caller.agenciesAs(AgencyGroups.Role.CHIEF, AgencyGroups.Role.DIRECTOR));
    if (own.isEmpty()) {
      throw new NotAllowedToReport(caller.userId());
    }
    return new ReportScope(own);
  }

  boolean everyAgency() {
    return agencies == null;
  }

  boolean covers(String agency) {
    return agencies == null || agencies.contains(agency);
  }

  /** The agencies to report on: the one asked for, if the person may read it; else all they may. */
  Set<String> narrowedTo(String agency, Caller caller) {
    if (agency == null || agency.isBlank()) {
      return agencies;
    }
    if (!covers(agency.strip())) {
      throw new NotAllowedToReport(caller.userId());
    }
    return Set.of(agency.strip());
  }

  static final class NotAllowedToReport extends ApiProblem {
    NotAllowedToReport(String user) {
      super(HttpStatus.FORBIDDEN, "not-allowed-to-report", "Not allowed to read this report",
          "僅研考會、系統管理者及各機關科長、首長（限本機關）可閱覽此報表 User '" + user + "' may not read these"
              + " figures: the city oversight office and administrators may, and agencies' section chiefs and"
              + " directors for their own agency.",
          Map.of());
    }
  }
}
