package org.caserouting.cases;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application as the portal and the agencies' systems read it: its state, who has it by when,
 * and what it waits for when nobody has it.
 */
@Service
public class ApplicationViews {

  private final ApplicationRepository applications;
  private final CurrentStages stages;
  private final List<CaseWaits> waits;

  ApplicationViews(ApplicationRepository applications, CurrentStages stages, List<CaseWaits> waits) {
    this.applications = applications;
    this.stages = stages;
    this.waits = waits;
  }

  /** Answers 404 for an unknown application, without assembling its view. */
  @Transactional(readOnly = true)
  public ApplicationView find(String applicationNo) {
    Application application =
        applications.findByApplicationNo(applicationNo).orElseThrow(() -> new ApplicationNotFound(applicationNo));
    return ApplicationView.of(application, stages.of(applicationNo), waitingFor(applicationNo));
  }

  /** The applicant's answers to the type's form, for staff: the raw JSON, read by the form's labels. */
  @Transactional(readOnly = true)
  public com.fasterxml.jackson.databind.JsonNode applicationData(String applicationNo) {
    return applications.findByApplicationNo(applicationNo).orElseThrow(() -> new ApplicationNotFound(applicationNo))
        .getApplicationData();
  }

  /** Who filed it, for staff: the applicant and the agent acting for them, if any. */
  @Transactional(readOnly = true)
  public Application.FiledBy filedBy(String applicationNo) {
    return applications.findByApplicationNo(applicationNo).orElseThrow(() -> new ApplicationNotFound(applicationNo))
        .filedBy();
  }

  /** What the case waits for besides its open tasks, in the order the waits were asked. */
  public List<CaseWait> waitingFor(String applicationNo) {
    return waits.stream().flatMap(source -> source.of(applicationNo).stream()).toList();
  }
}
