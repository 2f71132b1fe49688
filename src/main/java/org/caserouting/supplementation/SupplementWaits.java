package org.caserouting.supplementation;

import java.time.ZoneId;
import java.util.List;
import org.caserouting.cases.CaseWait;
import org.caserouting.cases.CaseWaits;
import org.caserouting.platform.CalendarProperties;
import org.springframework.stereotype.Component;

/** A case waiting for the applicant's documents: what is missing, and until when. */
@Component
class SupplementWaits implements CaseWaits {

  private final SupplementRequestRepository requests;
  private final ZoneId zone;

  SupplementWaits(SupplementRequestRepository requests, CalendarProperties calendar) {
    this.requests = requests;
    this.zone = calendar.zone();
  }

  @Override
  public List<CaseWait> of(String applicationNo) {
    return requests.findOpen(applicationNo)
        .map(open -> new CaseWait(CaseWait.Kind.APPLICANT_DOCUMENTS, open.getAgency(),
            open.getDeadline().atZone(zone).toOffsetDateTime(), null, open.getMissing()))
        .stream().toList();
  }
}
