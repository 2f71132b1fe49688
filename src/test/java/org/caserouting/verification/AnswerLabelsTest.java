package org.caserouting.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.caserouting.catalog.CatalogFiles;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The case file shows every field an agency answers by its name, never the service's code. */
class AnswerLabelsTest {

  @Test
  void everyFieldTheCatalogFetchesHasALabel() {
    CatalogFiles catalog = CatalogFiles.read(new DefaultResourceLoader(), "classpath:catalog/");

    var fields = catalog.documents().stream()
        .filter(document -> document.verifiedBy() != null)
        .flatMap(document -> document.verifiedBy().fields().stream())
        .distinct()
        .toList();

    assertThat(fields).isNotEmpty();
    assertThat(fields).allSatisfy(field -> assertThat(Verification.FIELD_LABELS).containsKey(field));
  }
}
