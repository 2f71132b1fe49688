package org.caserouting.catalog;

import java.util.Map;

/** The names of dmn/routing.dmn: its key, inputs and output. */
public final class RoutingDecision {

  public static final String KEY = "caseRoute";

  public static final String NEEDS_EXTERNAL_REVIEW = "needsExternalReview";
  public static final String NEEDS_ESCALATION = "needsEscalation";

  public static final String ROUTE = "route";

  private RoutingDecision() {}

  public static Map<String, Object> inputsFor(CaseType type) {
    return Map.of(
        NEEDS_EXTERNAL_REVIEW, type.isNeedsExternalReview(),
        NEEDS_ESCALATION, type.isNeedsEscalation());
  }
}
