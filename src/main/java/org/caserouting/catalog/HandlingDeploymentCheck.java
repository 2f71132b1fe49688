package org.caserouting.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.caserouting.platform.engine.models.DeploymentCheck;
import org.caserouting.platform.engine.models.ModelPolicy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * A new channel or routing table is deployed only if it still gives every type of the catalog one
 * channel and one route ({@link HandlingCoverage}): a process owner's table that strands a type is
 * refused at deployment, every stranded type listed, instead of stopping the next start.
 */
@Component
class HandlingDeploymentCheck implements DeploymentCheck {

  private final ResourceLoader resources;
  private final CatalogProperties catalog;

  HandlingDeploymentCheck(ResourceLoader resources, CatalogProperties catalog) {
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
        gaps = HandlingCoverage.gapsOfTables(resource.getValue(), files);
      } catch (DmnTransformException unreadable) {
        continue; // the engine's own parse reports it
      }
      gaps.forEach(gap -> violations.add(new ModelPolicy.Violation(resource.getKey(), "handling",
          "有案件類別無從申辦 a type could never be applied for: " + gap)));
    }
    return violations;
  }
}
