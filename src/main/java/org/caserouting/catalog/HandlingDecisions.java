package org.caserouting.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * Evaluates the latest deployed decision tables for an application type, as the catalog and the
 * intake's checks need them. The rules live in dmn/, where process owners change them; this class
 * only supplies inputs and reads outputs.
 *
 * <p>These are look-ups, not decisions on a case, so they run on a standalone DMN engine and
 * leave no decision history; the case's own evaluation, inside the intake process, is recorded.
 */
@Service
public class HandlingDecisions {

  private static final DmnEngine LOOKUP_ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final RepositoryService repository;
  private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();

  HandlingDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  public Handling evaluate(CaseType type) {
    DmnDecisionResultEntries eligibility =
        LOOKUP_ENGINE
            .evaluateDecision(latest(OnlineEligibilityDecision.KEY), OnlineEligibilityDecision.inputsFor(type))
            .getSingleResult();
    String route =
        LOOKUP_ENGINE
            .evaluateDecision(latest(RoutingDecision.KEY), RoutingDecision.inputsFor(type))
            .getSingleEntry();
    Map<String, Object> out = eligibility.getEntryMap();
    return new Handling(
        Channel.valueOf((String) out.get(OnlineEligibilityDecision.CHANNEL)),
        (String) out.get(OnlineEligibilityDecision.REASON_CODE),
        (String) out.get(OnlineEligibilityDecision.REASON),
        (String) out.get(OnlineEligibilityDecision.REASON_EN),
        Route.valueOf(route));
  }

  /** The latest deployed version, so a redeployed table takes effect without a restart. */
  private DmnDecision latest(String key) {
    DecisionDefinition definition =
        repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("Decision '" + key + "' is not deployed");
    }
    return parsedById.computeIfAbsent(definition.getId(), id -> parse(id, key));
  }

  private DmnDecision parse(String definitionId, String key) {
    try (InputStream model = repository.getDecisionModel(definitionId)) {
      return LOOKUP_ENGINE.parseDecision(key, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
