package org.caserouting.catalog;

import java.util.ArrayList;
import java.util.List;
import org.caserouting.platform.DeployedDecisions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, after the catalog is loaded: the deployed tables keep every promise to the catalog
 * ({@link CatalogCoverage}), or the service does not start, and says every gap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CatalogCoverageCheck implements ApplicationRunner {

  private final CatalogFiles files;
  private final CatalogProperties catalog;
  private final List<CatalogCoverage> promises;
  private final DeployedDecisions decisions;

  CatalogCoverageCheck(CatalogFiles files, CatalogProperties catalog, List<CatalogCoverage> promises,
      DeployedDecisions decisions) {
    this.files = files;
    this.catalog = catalog;
    this.promises = promises;
    this.decisions = decisions;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> gaps = new ArrayList<>();
    promises.forEach(promise -> gaps.addAll(promise.gapsOfDeployed(files, decisions)));
    if (!gaps.isEmpty()) {
      throw new CatalogFiles.InvalidCatalogException(catalog.location(), gaps);
    }
  }
}
