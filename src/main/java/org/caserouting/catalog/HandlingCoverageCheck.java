package org.caserouting.catalog;

import java.util.List;
import java.util.Optional;
import org.caserouting.platform.DeployedDecisions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * At start, after the catalog is loaded: every type gets one channel and one route from the
 * deployed decision tables, or the service does not start, and says which types do not.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HandlingCoverageCheck implements ApplicationRunner {

  private final ResourceLoader resources;
  private final CatalogProperties catalog;
  private final DeployedDecisions decisions;

  HandlingCoverageCheck(ResourceLoader resources, CatalogProperties catalog, DeployedDecisions decisions) {
    this.resources = resources;
    this.catalog = catalog;
    this.decisions = decisions;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> gaps = HandlingCoverage.gaps(CatalogFiles.read(resources, catalog.location()),
        (key, inputs) -> Optional.of(decisions.evaluate(key, inputs).getResultList()));
    if (!gaps.isEmpty()) {
      throw new CatalogFiles.InvalidCatalogException(catalog.location(), gaps);
    }
  }
}
