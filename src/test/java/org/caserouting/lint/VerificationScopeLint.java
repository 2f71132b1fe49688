package org.caserouting.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.verification.VerificationCoverage;
import org.springframework.core.io.FileSystemResourceLoader;

/**
 * The least-data promise checked on the files, as the service checks it at start: the scope
 * table in a folder fetches every document the catalog says a government database shows.
 */
final class VerificationScopeLint {

  private VerificationScopeLint() {}

  static List<String> gaps(Path scopeTable, Path catalogFolder) {
    try {
      return VerificationCoverage.gapsOfTable(Files.readAllBytes(scopeTable),
          CatalogFiles.read(new FileSystemResourceLoader(), catalogFolder.toAbsolutePath().toUri().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
