package org.caserouting.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision table for a look-up (the catalog's channel,
 * a verification's allowed scope). Look-ups run on a standalone DMN engine and leave no decision
 * history; decisions about a case are business rule tasks in its process, and are recorded.
 */
@Component
public class DeployedDecisions {

  private static final DmnEngine LOOKUP_ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final RepositoryService repository;
  private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();

  DeployedDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
    return LOOKUP_ENGINE.evaluateDecision(latest(key), inputs);
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
