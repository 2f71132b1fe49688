package org.caserouting.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The decision tables of dmn/, as deployed, evaluated by a standalone DMN engine. */
final class DecisionTables {

  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision decision;

  private DecisionTables(DmnDecision decision) {
    this.decision = decision;
  }

  static DecisionTables load(String resource, String decisionKey) {
    try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new DecisionTables(ENGINE.parseDecision(decisionKey, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DmnDecisionResult evaluate(Map<String, Object> inputs) {
    return ENGINE.evaluateDecision(decision, inputs);
  }
}
