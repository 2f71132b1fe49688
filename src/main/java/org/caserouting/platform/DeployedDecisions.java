package org.caserouting.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision table for a look-up (the catalog's channel,
 * a verification's allowed scope). Look-ups run on a standalone DMN engine and leave no decision
 * history; decisions about a case are business rule tasks in its process, and are recorded.
 *
 * <p>A look-up's answer is remembered for ten seconds per table version and inputs: the catalog
 * asks the same two tables about each of its types on every listing, and an evaluation costs
 * over a millisecond of FEEL (docs/performance.md). Ten seconds is also how long a redeployed
 * table may take to be noticed, so a rule that reads the clock is never further behind than that.
 * The results are shared between callers: read them, never change them.
 */
@Component
public class DeployedDecisions {

  private static final DmnEngine LOOKUP_ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** The look-ups' inputs come from the catalog, so their kinds are few; past this, start afresh. */
  private static final int REMEMBERED_AT_MOST = 2_000;

  private record Latest(String definitionId, long checkedAt) {}

  private record Evaluation(String definitionId, Map<String, Object> inputs) {}

  private record Remembered(DmnDecisionResult result, long evaluatedAt) {}

  private final RepositoryService repository;
  /** How long a look-up trusts that it knows the latest version, and its remembered answers. */
  private final long freshForNanos;
  private final LongSupplier clock;
  private final Map<String, DmnDecision> parsedById = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestByKey = new ConcurrentHashMap<>();
  private final Map<Evaluation, Remembered> remembered = new ConcurrentHashMap<>();

  @Autowired
  DeployedDecisions(RepositoryService repository) {
    this(repository, Duration.ofSeconds(10), System::nanoTime);
  }

  DeployedDecisions(RepositoryService repository, Duration freshFor, LongSupplier clock) {
    this.repository = repository;
    this.freshForNanos = freshFor.toNanos();
    this.clock = clock;
  }

  public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
    long now = clock.getAsLong();
    String definitionId = latest(key, now);
    // Inputs may hold nulls (an answer not given), which Map.copyOf refuses.
    Evaluation evaluation = new Evaluation(definitionId, Collections.unmodifiableMap(new HashMap<>(inputs)));
    Remembered known = remembered.get(evaluation);
    if (known != null && now - known.evaluatedAt() <= freshForNanos) {
      return known.result();
    }
    DmnDecision decision = parsedById.computeIfAbsent(definitionId, id -> parse(id, key));
    DmnDecisionResult result = LOOKUP_ENGINE.evaluateDecision(decision, inputs);
    if (remembered.size() >= REMEMBERED_AT_MOST) {
      remembered.clear();
    }
    remembered.put(evaluation, new Remembered(result, now));
    return result;
  }

  /**
   * The id of the latest deployed version, so a redeployed table takes effect without a restart
   * (within seconds: which version is latest is asked again at most every ten seconds per table).
   */
  private String latest(String key, long now) {
    Latest known = latestByKey.get(key);
    if (known == null || now - known.checkedAt() > freshForNanos) {
      DecisionDefinition definition =
          repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
      if (definition == null) {
        throw new IllegalStateException("Decision '" + key + "' is not deployed");
      }
      known = new Latest(definition.getId(), now);
      latestByKey.put(key, known);
    }
    return known.definitionId();
  }

  /** The files of the latest version of every deployed decision, each file once; read afresh, for the start's checks. */
  public List<byte[]> latestModels() {
    Set<String> seen = new HashSet<>();
    List<byte[]> files = new ArrayList<>();
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      if (seen.add(definition.getDeploymentId() + "/" + definition.getResourceName())) {
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
          files.add(model.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  private DmnDecision parse(String definitionId, String key) {
    try (InputStream model = repository.getDecisionModel(definitionId)) {
      return LOOKUP_ENGINE.parseDecision(key, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
