package org.caserouting.catalog;

import java.util.List;
import org.caserouting.platform.DeployedDecisions;

/**
 * What a decision table promises the catalog (every document we say we fetch is fetched, every
 * type has a channel and a route). Each promise is a bean, checked on the deployed tables at every
 * start ({@link CatalogCoverageCheck}) and on the tables a deployment holds
 * ({@link CatalogCoverageDeploymentCheck}).
 */
public interface CatalogCoverage {

  /** The element a refusal names: the decision whose promise is broken. */
  String decision();

  /** What is wrong, zh-TW then English, before each gap. */
  String problem();

  /**
   * Every gap the deployed tables leave in this catalog. The tables come as an argument: a promise
   * is asked at deployment, while the engine itself may still be starting, so it holds no engine bean.
   */
  List<String> gapsOfDeployed(CatalogFiles catalog, DeployedDecisions decisions);

  /** Every gap the tables in these bytes leave; empty when they keep the promise or do not hold its decision. */
  List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog);
}
