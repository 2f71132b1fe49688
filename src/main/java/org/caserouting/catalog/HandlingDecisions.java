package org.caserouting.catalog;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.caserouting.platform.DeployedDecisions;
import org.springframework.stereotype.Service;

/**
 * What the decision tables say about an application type, as the catalog and the intake's checks
 * need it. The rules live in dmn/, where process owners change them; this class only supplies
 * inputs and reads outputs.
 */
@Service
public class HandlingDecisions {

  private final DeployedDecisions decisions;

  HandlingDecisions(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  public Handling evaluate(CaseType type) {
    DmnDecisionResultEntries eligibility =
        decisions.evaluate(OnlineEligibilityDecision.KEY, OnlineEligibilityDecision.inputsFor(type)).getSingleResult();
    String route = decisions.evaluate(RoutingDecision.KEY, RoutingDecision.inputsFor(type)).getSingleEntry();
    Map<String, Object> out = eligibility.getEntryMap();
    return new Handling(
        Channel.valueOf((String) out.get(OnlineEligibilityDecision.CHANNEL)),
        (String) out.get(OnlineEligibilityDecision.REASON_CODE),
        (String) out.get(OnlineEligibilityDecision.REASON),
        (String) out.get(OnlineEligibilityDecision.REASON_EN),
        Route.valueOf(route));
  }
}
