package org.caserouting.catalog;

import java.util.List;

/**
 * What a decision table promises the catalog (every document we say we fetch is fetched, every
 * type has a channel and a route), checked on the table a deployment holds. Each promise is a bean;
 * {@link CatalogCoverageDeploymentCheck} refuses a deployment that breaks one.
 */
public interface CatalogCoverage {

  /** The element a refusal names: the decision whose promise is broken. */
  String decision();

  /** What is wrong, zh-TW then English, before each gap. */
  String problem();

  /** Every gap the tables in these bytes leave; empty when they keep the promise or do not hold its decision. */
  List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog);
}
