package org.caserouting.verification;

import java.util.List;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.catalog.CatalogProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * At start, after the catalog is loaded: the deployed scope table fetches every document the
 * catalog says a government database shows, or the service does not start, and says every gap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class VerificationCoverageCheck implements ApplicationRunner {

  private final ResourceLoader resources;
  private final CatalogProperties catalog;
  private final Verification verification;

  VerificationCoverageCheck(ResourceLoader resources, CatalogProperties catalog, Verification verification) {
    this.resources = resources;
    this.catalog = catalog;
    this.verification = verification;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> gaps = VerificationCoverage.gaps(CatalogFiles.read(resources, catalog.location()), verification::scope);
    if (!gaps.isEmpty()) {
      throw new CatalogFiles.InvalidCatalogException(catalog.location(), gaps);
    }
  }
}
