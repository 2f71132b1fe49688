package org.caserouting.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.verification.Verification;
import org.caserouting.verification.VerificationCoverage;
import org.springframework.core.io.FileSystemResourceLoader;

/**
 * The least-data promise checked on the files, as the service checks it at start: the scope
 * table in a folder fetches every document the catalog says a government database shows.
 */
final class VerificationScopeLint {

  private VerificationScopeLint() {}

  static List<String> gaps(Path scopeTable, Path catalogFolder) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision scope;
    try (InputStream in = Files.newInputStream(scopeTable)) {
      scope = engine.parseDecision(Verification.SCOPE_DECISION, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CatalogFiles catalog =
        CatalogFiles.read(new FileSystemResourceLoader(), catalogFolder.toAbsolutePath().toUri().toString());
    return VerificationCoverage.gaps(catalog, code ->
        engine.evaluateDecisionTable(scope, Variables.createVariables().putValue("caseTypeCode", code)).getResultList());
  }
}
