package org.caserouting.verification;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.catalog.CatalogProperties;
import org.caserouting.platform.engine.models.DeploymentCheck;
import org.caserouting.platform.engine.models.ModelPolicy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * A new scope table is deployed only if it still fetches every document the catalog says a
 * government database shows ({@link VerificationCoverage}): a process owner's table with a gap is
 * refused at deployment, with every gap listed, instead of stopping the next start.
 */
@Component
class VerificationScopeDeploymentCheck implements DeploymentCheck {

  private final ResourceLoader resources;
  private final CatalogProperties catalog;

  VerificationScopeDeploymentCheck(ResourceLoader resources, CatalogProperties catalog) {
    this.resources = resources;
    this.catalog = catalog;
  }

  @Override
  public List<ModelPolicy.Violation> check(Map<String, byte[]> deployed) {
    DmnEngine dmn = null;
    for (Map.Entry<String, byte[]> resource : deployed.entrySet()) {
      if (!resource.getKey().endsWith(".dmn")) {
        continue;
      }
      if (dmn == null) {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
      }
      DmnEngine engine = dmn;
      List<DmnDecision> decisions;
      try {
        decisions = engine.parseDecisions(new ByteArrayInputStream(resource.getValue()));
      } catch (RuntimeException unreadable) {
        continue; // the engine's own parse reports it
      }
      for (DmnDecision scope : decisions) {
        if (!Verification.SCOPE_DECISION.equals(scope.getKey())) {
          continue;
        }
        return VerificationCoverage.gaps(CatalogFiles.read(resources, catalog.location()), code ->
                engine.evaluateDecision(scope, Variables.createVariables().putValue("caseTypeCode", code)).getResultList())
            .stream()
            .map(gap -> new ModelPolicy.Violation(resource.getKey(), scope.getKey(),
                "查證範圍未涵蓋應由機關查證之文件 the scope leaves a document unfetched: " + gap))
            .toList();
      }
    }
    return List.of();
  }
}
