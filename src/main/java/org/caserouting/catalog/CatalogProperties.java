package org.caserouting.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location where agencies.yaml, documents.yaml and case-types.yaml are read from at start
 */
@ConfigurationProperties("caserouting.catalog")
public record CatalogProperties(@DefaultValue("classpath:catalog/") String location) {}
