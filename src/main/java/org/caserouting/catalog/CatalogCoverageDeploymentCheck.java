package org.caserouting.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.caserouting.platform.engine.models.DeploymentCheck;
import org.caserouting.platform.engine.models.ModelPolicy;
import org.springframework.stereotype.Component;

/**
 * A decision table is deployed only if it keeps what the catalog relies on ({@link CatalogCoverage}):
 * a process owner's table that breaks a promise is refused at deployment, every gap listed, instead
 * of stopping the next start.
 */
@Component
class CatalogCoverageDeploymentCheck implements DeploymentCheck {

  private final CatalogFiles files;
  private final List<CatalogCoverage> promises;

  CatalogCoverageDeploymentCheck(CatalogFiles files, List<CatalogCoverage> promises) {
    this.files = files;
    this.promises = promises;
  }

  @Override
  public List<ModelPolicy.Violation> check(Map<String, byte[]> deployed) {
    List<ModelPolicy.Violation> violations = new ArrayList<>();
    for (Map.Entry<String, byte[]> resource : deployed.entrySet()) {
      if (!resource.getKey().endsWith(".dmn")) {
        continue;
      }
      for (CatalogCoverage promise : promises) {
        List<String> gaps;
        try {
          gaps = promise.gapsOfTable(resource.getValue(), files);
        } catch (DmnTransformException unreadable) {
          break; // the engine's own parse reports it
        }
        gaps.forEach(gap -> violations.add(
            new ModelPolicy.Violation(resource.getKey(), promise.decision(), promise.problem() + ": " + gap)));
      }
    }
    return violations;
  }
}
