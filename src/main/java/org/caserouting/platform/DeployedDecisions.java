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

  /** How long a look-up trusts that it knows the latest version: the catalog lists 48 types at once. */
  private static final long LATEST_FOR_NANOS = java.time.Duration.ofSeconds(10).toNanos();

  private record Latest(String definitionId, long checkedAt) {}

  private final RepositoryService repository;
  private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestByKey = new ConcurrentHashMap<>();

  DeployedDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
    return LOOKUP_ENGINE.evaluateDecision(latest(key), inputs);
  }

  /**
   * The latest deployed version, so a redeployed table takes effect without a restart (within
   * seconds: which version is latest is asked again at most every ten seconds per table).
   */
  private DmnDecision latest(String key) {
    long now = System.nanoTime();
    Latest known = latestByKey.get(key);
    if (known == null || now - known.checkedAt() > LATEST_FOR_NANOS) {
      DecisionDefinition definition =
          repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
      if (definition == null) {
        throw new IllegalStateException("Decision '" + key + "' is not deployed");
      }
      known = new Latest(definition.getId(), now);
      latestByKey.put(key, known);
    }
    return parsedById.computeIfAbsent(known.definitionId(), id -> parse(id, key));
  }

  private DmnDecision parse(String definitionId, String key) {
    try (InputStream model = repository.getDecisionModel(definitionId)) {
      return LOOKUP_ENGINE.parseDecision(key, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
