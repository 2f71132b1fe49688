package org.caserouting.cases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An application as the portal and the agencies' systems read it: its state and who has it by when. */
@Service
public class ApplicationViews {

  private final ApplicationRepository applications;
  private final CurrentStages stages;

  ApplicationViews(ApplicationRepository applications, CurrentStages stages) {
    this.applications = applications;
    this.stages = stages;
  }

  /** Answers 404 for an unknown application, without assembling its view. */
  @Transactional(readOnly = true)
  public ApplicationView find(String applicationNo) {
    Application application =
        applications.findByApplicationNo(applicationNo).orElseThrow(() -> new ApplicationNotFound(applicationNo));
    return ApplicationView.of(application, stages.of(applicationNo));
  }
}
