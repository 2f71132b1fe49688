package org.caserouting.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The catalog's files, read and checked once at start; an invalid catalog stops the start, every problem listed. */
@Configuration(proxyBeanMethods = false)
class CatalogFilesConfiguration {

  @Bean
  CatalogFiles catalogFiles(ResourceLoader resources, CatalogProperties catalog) {
    return CatalogFiles.read(resources, catalog.location());
  }
}
