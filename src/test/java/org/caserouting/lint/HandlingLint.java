package org.caserouting.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.catalog.HandlingCoverage;
import org.springframework.core.io.FileSystemResourceLoader;

/**
 * Every type applicable, checked on the files as the service checks it at start: a channel table
 * or a routing table in a folder gives each type of the catalog one channel and one route.
 */
final class HandlingLint {

  private HandlingLint() {}

  static List<String> gaps(Path decisionTable, Path catalogFolder) {
    try {
      return HandlingCoverage.gapsOfTables(Files.readAllBytes(decisionTable),
          CatalogFiles.read(new FileSystemResourceLoader(), catalogFolder.toAbsolutePath().toUri().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
