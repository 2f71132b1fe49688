package org.caserouting.review;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.CaseWait;
import org.caserouting.cases.CaseWaits;
import org.caserouting.platform.CalendarProperties;
import org.springframework.stereotype.Component;

/** A joint review waiting for its agreed site inspection: when, where, and which agency leads it. */
@Component
class InspectionWaits implements CaseWaits {

  private final RuntimeService runtime;
  private final ZoneId zone;

  InspectionWaits(RuntimeService runtime, CalendarProperties calendar) {
    this.runtime = runtime;
    this.zone = calendar.zone();
  }

  @Override
  public List<CaseWait> of(String applicationNo) {
    return runtime.createExecutionQuery()
        .processInstanceBusinessKey(applicationNo)
        .processDefinitionKey(JointReviewProcess.KEY)
        .activityId(JointReviewProcess.Elements.INSPECTION_HELD)
        .list().stream()
        .map(this::wait)
        .toList();
  }

  private CaseWait wait(Execution waiting) {
    Date day = JointReviewProcess.Variables.INSPECTION_DATE.from(runtime, waiting.getId());
    String place = JointReviewProcess.Variables.INSPECTION_PLACE.from(runtime, waiting.getId());
    String lead = CaseVariables.RECEIVING_AGENCY.from(runtime, waiting.getId());
    return new CaseWait(CaseWait.Kind.JOINT_INSPECTION, lead,
        day == null ? null : day.toInstant().atZone(zone).toOffsetDateTime(), place, null);
  }
}
