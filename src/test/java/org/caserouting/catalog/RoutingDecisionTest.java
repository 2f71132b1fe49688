package org.caserouting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingDecisionTest {

  private static final DecisionTables TABLE = DecisionTables.load("dmn/routing.dmn", RoutingDecision.KEY);

  @ParameterizedTest(name = "external review {0}, escalation {1}: {2}")
  @CsvSource({
    "false, false, SINGLE_AGENCY",
    "false, true,  VERTICAL",
    "true,  false, HORIZONTAL",
    "true,  true,  HORIZONTAL_THEN_VERTICAL"
  })
  void routeFollowsExternalReviewAndEscalation(boolean needsExternalReview, boolean needsEscalation, String route) {
    DmnDecisionResult result =
        TABLE.evaluate(
            Map.of(
                RoutingDecision.NEEDS_EXTERNAL_REVIEW, needsExternalReview,
                RoutingDecision.NEEDS_ESCALATION, needsEscalation));

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleEntry()).isEqualTo(route);
  }
}
