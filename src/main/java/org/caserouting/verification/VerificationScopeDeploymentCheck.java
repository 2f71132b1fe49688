package org.caserouting.verification;

import java.util.List;
import org.caserouting.catalog.CatalogCoverage;
import org.caserouting.catalog.CatalogFiles;
import org.springframework.stereotype.Component;

/**
 * A new scope table still fetches every document the catalog says a government database shows
 * ({@link VerificationCoverage}), or its deployment is refused with every gap listed.
 */
@Component
class VerificationScopeDeploymentCheck implements CatalogCoverage {

  @Override
  public String decision() {
    return Verification.SCOPE_DECISION;
  }

  @Override
  public String problem() {
    return "查證範圍未涵蓋應由機關查證之文件 the scope leaves a document unfetched";
  }

  @Override
  public List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog) {
    return VerificationCoverage.gapsOfTable(dmn, catalog);
  }
}
