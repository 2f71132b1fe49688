package org.caserouting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caserouting.catalog.ApplicationForm.FieldType;
import org.caserouting.catalog.CatalogFiles.CaseTypeRow;
import org.caserouting.verification.VerificationCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The city's 363 types as data alone, in the paper's categories and counts: every shape a process
 * owner can write passes the checks the service makes at start, and the decision tables give each
 * type its channel and route. The fixture the 363-type scenarios run on.
 */
class GeneratedCatalogTest {

  private static final CatalogFiles CATALOG = GeneratedCatalog.of(CatalogFiles.read(new DefaultResourceLoader(), "classpath:catalog/"));

  @Test
  void holdsTheCitys363TypesInThePapersCategories() {
    assertThat(CATALOG.caseTypes()).hasSize(363);
    Map<Category, Long> counts = CATALOG.caseTypes().stream().collect(Collectors.groupingBy(CaseTypeRow::category, Collectors.counting()));
    GeneratedCatalog.COUNTS.forEach((category, count) -> assertThat(counts.get(category)).as("%s", category).isEqualTo(count.longValue()));
  }

  @Test
  void everyTypePassesTheChecksTheServiceMakesAtStart() throws IOException {
    assertThat(CATALOG.problems()).isEmpty();
    assertThat(VerificationCoverage.gapsOfTable(Files.readAllBytes(Path.of("dmn/verification-scope.dmn")), CATALOG)).isEmpty();
    assertThat(HandlingCoverage.gapsOfTables(Files.readAllBytes(Path.of("dmn/online-eligibility.dmn")), CATALOG)).isEmpty();
    assertThat(HandlingCoverage.gapsOfTables(Files.readAllBytes(Path.of("dmn/routing.dmn")), CATALOG)).isEmpty();
  }

  @Test
  void theTypesVaryAsTheRealOnesDo() {
    List<CaseTypeRow> types = CATALOG.caseTypes();
    assertThat(types.stream().map(type -> type.needsExternalReview() + "/" + type.needsEscalation()).distinct())
        .as("every route").hasSize(4);
    assertThat(types.stream().map(CaseTypeRow::receivedBy).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(null, ReceivedBy.SITE_DISTRICT_OFFICE, ReceivedBy.HOUSEHOLD_DISTRICT_OFFICE,
            ReceivedBy.PARCEL_LAND_OFFICE);
    assertThat(types.stream().filter(CaseTypeRow::needsJointInspection)).isNotEmpty();
    assertThat(types.stream().filter(type -> !type.onlineAllowed())).isNotEmpty();
    Set<FieldType> fieldTypes = types.stream().flatMap(type -> type.applicationForm().stream())
        .map(ApplicationForm.Field::type).collect(Collectors.toSet());
    assertThat(fieldTypes).containsExactlyInAnyOrder(FieldType.values());
    assertThat(types.stream().filter(type -> !type.applicantKinds().contains(ApplicantKind.PERSON))).isNotEmpty();
  }

  @Test
  void writtenAsFilesItReadsBackAsItWas(@TempDir Path folder) {
    String location = GeneratedCatalog.write(CATALOG, folder);

    assertThat(CatalogFiles.read(new DefaultResourceLoader(), location)).isEqualTo(CATALOG);
  }

  @Test
  void everyTypesExampleAnswersFitItsOwnForm() {
    for (CaseTypeRow type : CATALOG.caseTypes()) {
      assertThat(type.form().problems(type.code(), type.form().example())).as("%s", type.code()).isEmpty();
    }
  }
}
