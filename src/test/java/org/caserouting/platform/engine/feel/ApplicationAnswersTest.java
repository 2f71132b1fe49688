package org.caserouting.platform.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * A table reads the application's answers as {@code applicationData} (ADR 0028): looked up by the
 * case's number only when an expression asks, and never taken from a variable of the case.
 */
class ApplicationAnswersTest {

  private final List<String> lookedUp = new ArrayList<>();
  private final DmnEngine engine = engine(no -> {
    lookedUp.add(no);
    return Map.of("excavationDepthM", 18.5, "basementFloors", 4);
  });

  private static DmnEngine engine(ApplicationAnswers answers) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(null, answers));
    return configuration.buildEngine();
  }

  private DmnDecision coReview() throws Exception {
    try (InputStream table = getClass().getResourceAsStream("/review/co-review-reads-an-answer.dmn")) {
      return engine.parseDecision("coReviewAgencies", table);
    }
  }

  private static VariableMap aMrtCase() {
    return Variables.createVariables().putValue("applicationNo", "2026-MR-000001")
        .putValue("category", "MASS_RAPID_TRANSIT").putValue("siteZone", "RESIDENTIAL").putValue("needsJointInspection", false);
  }

  @Test
  void aRuleReadsTheAnswerOfTheCaseByItsNumber() throws Exception {
    var result = engine.evaluateDecisionTable(coReview(), aMrtCase());

    assertThat(result.collectEntries("agency")).containsExactly("WORKS");
    assertThat(lookedUp).containsExactly("2026-MR-000001");
  }

  @Test
  void nothingWrittenIntoTheCasePassesForAnAnswer() throws Exception {
    VariableMap forged = aMrtCase().putValue("applicationData", Map.of("excavationDepthM", 3));

    assertThat(engine.evaluateDecisionTable(coReview(), forged).collectEntries("agency")).containsExactly("WORKS");
  }

  @Test
  void aTableThatReadsNoAnswerNeverLooksThemUp() throws Exception {
    DmnDecision asShipped;
    try (InputStream table = Files.newInputStream(Path.of("dmn/co-review.dmn"))) {
      asShipped = engine.parseDecision("coReviewAgencies", table);
    }

    assertThat(engine.evaluateDecisionTable(asShipped, aMrtCase()).collectEntries("agency")).isEmpty();
    assertThat(lookedUp).isEmpty();
  }
}
