package org.caserouting.catalog;

import java.util.List;
import java.util.Optional;
import org.caserouting.platform.DeployedDecisions;
import org.springframework.stereotype.Component;

/** Every type gets one channel and one route from the channel and routing tables ({@link HandlingCoverage}). */
@Component
class HandlingCoversTheCatalog implements CatalogCoverage {

  @Override
  public String decision() {
    return "handling";
  }

  @Override
  public String problem() {
    return "有案件類別無從申辦 a type could never be applied for";
  }

  @Override
  public List<String> gapsOfDeployed(CatalogFiles catalog, DeployedDecisions decisions) {
    return HandlingCoverage.gaps(catalog, (key, inputs) -> Optional.of(decisions.evaluate(key, inputs).getResultList()));
  }

  @Override
  public List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog) {
    return HandlingCoverage.gapsOfTables(dmn, catalog);
  }
}
