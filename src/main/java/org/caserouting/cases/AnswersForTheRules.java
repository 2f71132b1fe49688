package org.caserouting.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.caserouting.platform.engine.feel.ApplicationAnswers;
import org.springframework.stereotype.Component;

/** The application's answers, for a decision table of its case that reads them (ADR 0026). */
@Component
class AnswersForTheRules implements ApplicationAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApplicationRepository applications;

  AnswersForTheRules(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> of(String applicationNo) {
    return applications.findByApplicationNo(applicationNo)
        .map(application -> (Map<String, Object>) JSON.convertValue(application.getApplicationData(), Map.class))
        .orElse(Map.of());
  }
}
