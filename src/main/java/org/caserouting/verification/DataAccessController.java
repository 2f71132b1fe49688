package org.caserouting.verification;

import java.time.Instant;
import java.util.List;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseAccess;
import org.caserouting.cases.CaseFileReads;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DataAccessController {

  /** One look at the applicant's data, as the applicant may see it: no internal details. */
  record DataAccess(
      Instant at, String requestingAgency, String sourceAgency, String service, String purpose, String fields,
      EvidenceOutcome outcome) {}

  /**
   * Staff opening the case file or one of its documents: the office and role, the person as a
   * code (the same within this case), what, and when.
   */
  record OfficialRead(Instant at, String agency, String role, String reader, CaseFileReads.What what,
      String documentCode) {}

  /** A query that touched a household member's data, as the member may see it: not whose case, nor its number. */
  record PersonDataAccess(Instant at, String requestingAgency, String sourceAgency, String service, String purpose,
      String fields, EvidenceOutcome outcome) {}

  record DataAccessView(String applicationNo, boolean intact, List<DataAccess> accesses, List<OfficialRead> officialReads) {}

  private final EvidenceLog evidence;
  private final CaseAccess access;
  private final CaseFileReads reads;
  private final PersonCodes personCodes;

  DataAccessController(EvidenceLog evidence, CaseAccess access, CaseFileReads reads, PersonCodes personCodes) {
    this.personCodes = personCodes;
    this.evidence = evidence;
    this.access = access;
    this.reads = reads;
  }

  /**
   * "Who looked at my data": every query about this application and every refusal, and why; and
   * every time staff opened its case file or one of its documents.
   */
  @GetMapping("/api/applications/{applicationNo}/data-access")
  DataAccessView dataAccess(@PathVariable String applicationNo, Authentication caller) {
    access.requireReadable(applicationNo, caller);
    return new DataAccessView(
        applicationNo,
        evidence.intact(applicationNo),
        evidence.of(applicationNo).stream()
            .map(e -> new DataAccess(e.getOccurredAt(), e.getRequestingAgency(), e.getSourceAgency(), e.getService(),
                e.getPurpose(), e.getFields(), e.getOutcome()))
            .toList(),
        reads.of(applicationNo).stream()
            .map(read -> new OfficialRead(read.at(), read.agencyRole().map(role -> role.agencyCode()).orElse(null),
                read.agencyRole().map(role -> role.role().name()).orElse(null),
                reads.pseudonymOf(applicationNo, read.userId()), read.what(), read.documentCode()))
            .toList());
  }

  /**
   * "Who looked at my data" for anyone, not only applicants: every query that touched this
   * person's data in any case (a household member's income, say, in a relative's application),
   * why, by and of which agency. Only the city portal asks, for a citizen it has signed in; the
   * applicant's case stays out of it (no number, no name).
   */
  @GetMapping("/api/people/{nationalId}/data-access")
  List<PersonDataAccess> personDataAccess(@PathVariable String nationalId, Authentication caller) {
    if (!Caller.of(caller).groups().contains(AgencyGroups.PORTAL)) {
      throw new PortalOnly();
    }
    return evidence.about(personCodes.of(nationalId)).stream()
        .map(e -> new PersonDataAccess(e.getOccurredAt(), e.getRequestingAgency(), e.getSourceAgency(), e.getService(),
            e.getPurpose(), e.getFields(), e.getOutcome()))
        .toList();
  }

  static final class PortalOnly extends ApiProblem {
    PortalOnly() {
      super(HttpStatus.FORBIDDEN, "portal-only", "Only the city portal asks for a person's data accesses",
          "個人資料查詢紀錄僅由市府入口網代已登入之民眾查詢 Only the city portal asks, for the citizen it signed in.",
          java.util.Map.of());
    }
  }
}
