package org.caserouting.verification;

import java.time.Instant;
import java.util.List;
import org.caserouting.cases.CaseAccess;
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

  record DataAccessView(String applicationNo, boolean intact, List<DataAccess> accesses) {}

  private final EvidenceLog evidence;
  private final CaseAccess access;

  DataAccessController(EvidenceLog evidence, CaseAccess access) {
    this.evidence = evidence;
    this.access = access;
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
}
