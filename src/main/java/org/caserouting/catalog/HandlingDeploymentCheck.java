package org.caserouting.catalog;

import java.util.List;
import org.springframework.stereotype.Component;

/** Every type keeps one channel and one route when a channel or routing table is deployed ({@link HandlingCoverage}). */
@Component
class HandlingDeploymentCheck implements CatalogCoverage {

  @Override
  public String decision() {
    return "handling";
  }

  @Override
  public String problem() {
    return "有案件類別無從申辦 a type could never be applied for";
  }

  @Override
  public List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog) {
    return HandlingCoverage.gapsOfTables(dmn, catalog);
  }
}
