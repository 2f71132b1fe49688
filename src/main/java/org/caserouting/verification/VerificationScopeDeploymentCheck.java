package org.caserouting.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
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
    List<ModelPolicy.Violation> violations = new ArrayList<>();
    CatalogFiles files = null;
    for (Map.Entry<String, byte[]> resource : deployed.entrySet()) {
      if (!resource.getKey().endsWith(".dmn")) {
        continue;
      }
      files = files == null ? CatalogFiles.read(resources, catalog.location()) : files;
      List<String> gaps;
      try {
        gaps = VerificationCoverage.gapsOfTable(resource.getValue(), files);
      } catch (DmnTransformException unreadable) {
        continue; // the engine's own parse reports it
      }
      gaps.forEach(gap -> violations.add(new ModelPolicy.Violation(resource.getKey(), Verification.SCOPE_DECISION,
          "查證範圍未涵蓋應由機關查證之文件 the scope leaves a document unfetched: " + gap)));
    }
    return violations;
  }
}
