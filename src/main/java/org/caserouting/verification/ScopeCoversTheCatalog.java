package org.caserouting.verification;

import java.util.List;
import org.caserouting.catalog.CatalogCoverage;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.platform.DeployedDecisions;
import org.springframework.stereotype.Component;

/**
 * The scope table fetches every document the catalog says a government database shows
 * ({@link VerificationCoverage}): checked at start and on every deployed scope table.
 */
@Component
class ScopeCoversTheCatalog implements CatalogCoverage {

  @Override
  public String decision() {
    return Verification.SCOPE_DECISION;
  }

  @Override
  public String problem() {
    return "查證範圍未涵蓋應由機關查證之文件 the scope leaves a document unfetched";
  }

  @Override
  public List<String> gapsOfDeployed(CatalogFiles catalog, DeployedDecisions decisions) {
    return VerificationCoverage.gaps(catalog, code -> Verification.scope(decisions, code));
  }

  @Override
  public List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog) {
    return VerificationCoverage.gapsOfTable(dmn, catalog);
  }
}
