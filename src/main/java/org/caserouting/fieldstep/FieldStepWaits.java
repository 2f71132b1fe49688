package org.caserouting.fieldstep;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.caserouting.cases.CaseWait;
import org.caserouting.cases.CaseWaits;
import org.caserouting.platform.CalendarProperties;
import org.springframework.stereotype.Component;

/** A case waiting for its appointment with the applicant: what, when and where, until the day comes. */
@Component
class FieldStepWaits implements CaseWaits {

  private final FieldStepRepository steps;
  private final Clock clock;
  private final ZoneId zone;

  FieldStepWaits(FieldStepRepository steps, Clock clock, CalendarProperties calendar) {
    this.steps = steps;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  @Override
  public List<CaseWait> of(String applicationNo) {
    return steps.findOpen(applicationNo)
        .filter(open -> open.getAppointmentAt().isAfter(clock.instant()))
        .map(open -> new CaseWait(CaseWait.Kind.FIELD_STEP, open.getAgency(),
            open.getAppointmentAt().atZone(zone).toOffsetDateTime(), open.getPlace(), open.getActivities()))
        .stream().toList();
  }
}
