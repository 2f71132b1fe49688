package org.caserouting.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caserouting.catalog.ApplicationForm.FieldType;
import org.caserouting.catalog.CatalogFiles.AgencyRow;
import org.caserouting.catalog.CatalogFiles.CaseTypeRow;
import org.caserouting.catalog.CatalogFiles.DocumentRow;
import org.caserouting.catalog.CatalogFiles.VerifiedBy;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class CatalogFilesTest {

  private static final CatalogFiles CATALOG = CatalogFiles.read(new DefaultResourceLoader(), "classpath:catalog/");

  private static Map<String, CaseTypeRow> types() {
    return CATALOG.caseTypes().stream().collect(Collectors.toMap(CaseTypeRow::code, Function.identity()));
  }

  @Test
  void catalogCoversEveryCategoryOfTheCityTable() {
    assertThat(CATALOG.caseTypes()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(CATALOG.caseTypes().stream().map(CaseTypeRow::category).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Category.values());
  }

  @Test
  void catalogHasAtLeastTwelveDistrictOfficesAndTheCentralTopOfChains() {
    long districtOffices =
        CATALOG.agencies().stream().filter(a -> a.code().startsWith("DO-") && a.level() == AgencyLevel.DISTRICT).count();
    assertThat(districtOffices).isGreaterThanOrEqualTo(12);
    assertThat(CATALOG.agencies().stream().filter(a -> a.level() == AgencyLevel.CENTRAL).map(AgencyRow::code))
        .contains("MOI", "MOHW");
  }

  @Test
  void lowIncomeStatusGoesFromTheDistrictOfficeUpToSocialWelfare() {
    CaseTypeRow lowIncome = types().get("SW-LOW-INCOME");
    assertThat(lowIncome.receivedBy()).as("where the household is registered").isEqualTo(ReceivedBy.HOUSEHOLD_DISTRICT_OFFICE);
    assertThat(lowIncome.needsEscalation()).isTrue();
    assertThat(lowIncome.escalationChain()).containsExactly("SOCIAL");
    assertThat(lowIncome.needsExternalReview()).isFalse();
  }

  @Test
  void specialEntertainmentIsReviewedJointlyWithASiteInspection() {
    CaseTypeRow business = types().get("IN-SPECIAL-ENTERTAINMENT");
    assertThat(business.receivingAgency()).isEqualTo("ECON");
    assertThat(business.coReviewAgencies()).containsExactlyInAnyOrder("BUILDING", "FIRE", "POLICE");
    assertThat(business.needsJointInspection()).isTrue();
    assertThat(business.activities()).contains(Activity.SITE_INSPECTION);
  }

  @Test
  void englishHouseholdTranscriptNeedsOnlyWhatTheGovernmentHolds() {
    CaseTypeRow transcript = types().get("CA-HOUSEHOLD-TRANSCRIPT-EN");
    Map<String, DocumentRow> documents = CATALOG.documentsByCode();
    assertThat(transcript.needsExternalReview() || transcript.needsEscalation()).isFalse();
    assertThat(transcript.requiredDocuments())
        .allSatisfy(code -> assertThat(documents.get(code).documentClass()).isEqualTo(DocumentClass.GOV_DB_VERIFIABLE));
  }

  @Test
  void ownershipTransferNeedsTheOriginalDeeds() {
    CaseTypeRow transfer = types().get("LA-OWNERSHIP-TRANSFER");
    assertThat(transfer.category()).isEqualTo(Category.LAND_ADMINISTRATION);
    assertThat(transfer.requiredDocuments()).contains("OWNERSHIP_CERTIFICATE");
    assertThat(CATALOG.documentsByCode().get("OWNERSHIP_CERTIFICATE").documentClass())
        .isEqualTo(DocumentClass.ORIGINAL_REQUIRED);
  }

  @Test
  void everyReferenceProblemIsListedTogether() {
    CatalogFiles broken =
        new CatalogFiles(
            List.of(new AgencyRow("ECON", "產業發展局", "Economic Development", AgencyLevel.CITY, null, null)),
            List.of(new DocumentRow("PLAN", "平面圖", "Floor plan", DocumentClass.UPLOADABLE, null),
                new DocumentRow("TAX", "納稅資料", "Tax record", DocumentClass.GOV_DB_VERIFIABLE, null),
                new DocumentRow("COPY", "影本", "Copy", DocumentClass.UPLOADABLE, new VerifiedBy("TAX", List.of("income")))),
            List.of(
                new CaseTypeRow("X-1", "甲", "One", Category.FINANCE, "NOWHERE", null, true, false, false, true, 5, null, null, null, null,
                    List.of("GHOST"), List.of(), Set.of(), List.of("PLAN", "DEED"), null, null, null, null)));

    assertThat(broken.problems())
        .containsExactlyInAnyOrder(
            "document TAX: GOV_DB_VERIFIABLE needs verifiedBy with its service and fields",
            "document COPY: only a GOV_DB_VERIFIABLE document is verifiedBy a service",
            "case type X-1: unknown receiving agency NOWHERE",
            "case type X-1: unknown co-review agency GHOST",
            "case type X-1: unknown document DEED",
            "case type X-1: legalBasis needs zh and en: every decision letter cites the law it rests on");
  }

  @Test
  void flagsMustAgreeWithTheAgenciesListed() {
    CatalogFiles inconsistent =
        new CatalogFiles(
            List.of(new AgencyRow("ECON", "產業發展局", "Economic Development", AgencyLevel.CITY, null, null)),
            List.of(),
            List.of(
                new CaseTypeRow("X-2", "乙", "Two", Category.FINANCE, "ECON", null, false, true, true, true, 0, 0, 7, 3, null,
                    List.of(), List.of(), Set.of(), List.of(),
                    new CatalogFiles.LegalBasis("某法", "", false), null, List.of(ApplicantKind.AGENT), null)));

    assertThat(inconsistent.problems())
        .containsExactlyInAnyOrder(
            "case type X-2: timeLimitDays must be at least 1",
            "case type X-2: supplementDays must be at least 1",
            "case type X-2: needsEscalation must be true exactly when an escalation chain is listed",
            "case type X-2: a joint site inspection needs co-reviewing agencies",
            "case type X-2: applicantKinds must name PERSON or ORGANISATION: an agent acts for one of them",
            "case type X-2: legalBasis needs zh and en: every decision letter cites the law it rests on");
  }

  @Test
  void aFormThatCannotBeFilledInIsRefusedWithEveryProblem() {
    List<ApplicationForm.Field> form = List.of(
        new ApplicationForm.Field("Floor area", "面積", "", FieldType.NUMBER, true, null, 1, null, null, null, null, null),
        new ApplicationForm.Field("code", "代碼", "Code", FieldType.TEXT, true, "[0-9]{4}", null, null, null, null, null, null),
        new ApplicationForm.Field("year", "年度", "Year", FieldType.INTEGER, true, null, null, null,
            new BigDecimal("2030"), new BigDecimal("2020"), null, null),
        new ApplicationForm.Field("kind", "種類", "Kind", FieldType.CHOICE, true, null, null, null, null, null, List.of(), null),
        new ApplicationForm.Field("plate", "車牌", "Plate", FieldType.TEXT, true, "^[A-Z]{3}-[0-9]{4}$", null, null, null, null,
            null, "ab-12"),
        new ApplicationForm.Field("year", "年度", "Year", FieldType.BOOLEAN, false, null, null, null, null, null, null, null));
    CatalogFiles withBrokenForm = new CatalogFiles(
        List.of(new AgencyRow("ECON", "產業發展局", "Economic Development", AgencyLevel.CITY, null, null)), List.of(),
        List.of(new CaseTypeRow("X-3", "丙", "Three", Category.FINANCE, "ECON", null, false, false, false, true, 5, null, null, null,
            null, List.of(), List.of(), Set.of(), List.of(), new CatalogFiles.LegalBasis("某法", "Some Act", false), form, null, null)));

    assertThat(withBrokenForm.problems()).containsExactlyInAnyOrder(
        "case type X-3: form field Floor area: name must be lowerCamel letters and digits",
        "case type X-3: form field Floor area: labelZh and labelEn are required",
        "case type X-3: form field Floor area: pattern, minLength and maxLength are for TEXT fields",
        "case type X-3: form field code: pattern must match the whole answer: begin it with ^ and end it with $",
        "case type X-3: form field code: a pattern needs an example that matches it, to show an applicant can meet it",
        "case type X-3: form field year: minimum is above maximum",
        "case type X-3: form field kind: options are declared exactly for a CHOICE field",
        "case type X-3: form field plate: the example 'ab-12' does not match the pattern",
        "case type X-3: form field year: declared twice");
  }

  @Test
  void everyDistrictHasItsDistrictHouseholdAndLandOffice() {
    assertThat(CATALOG.districts()).extracting(CatalogFiles.DistrictRow::district).containsExactlyInAnyOrder(District.values());
    assertThat(CATALOG.districts().stream().map(CatalogFiles.DistrictRow::districtOffice).distinct()).hasSize(12);
    assertThat(CATALOG.districts().stream().map(CatalogFiles.DistrictRow::householdRegistrationOffice).distinct()).hasSize(12);
    assertThat(CATALOG.districts().stream().map(CatalogFiles.DistrictRow::landOffice).distinct())
        .containsExactlyInAnyOrder("LO-SONGSHAN", "LO-GUTING", "LO-JIANCHENG", "LO-SHILIN", "LO-ZHONGSHAN", "LO-DAAN");
  }

  @Test
  void anEscalationThatClimbsDownOrSidewaysAndACoReviewByTheReceiverAreRefused() {
    List<AgencyRow> agencies = List.of(
        new AgencyRow("MOI", "內政部", "Ministry of the Interior", AgencyLevel.CENTRAL, null, null),
        new AgencyRow("URBAN", "都發局", "Urban Development", AgencyLevel.CITY, null, null),
        new AgencyRow("SOCIAL", "社會局", "Social Welfare", AgencyLevel.CITY, null, null),
        new AgencyRow("BUILDING", "建管處", "Construction Management", AgencyLevel.CITY, "URBAN", null),
        new AgencyRow("DO-DAAN", "大安區公所", "Da'an District Office", AgencyLevel.DISTRICT, null, OfficeKind.DISTRICT_OFFICE),
        new AgencyRow("DO-XINYI", "信義區公所", "Xinyi District Office", AgencyLevel.DISTRICT, null, OfficeKind.DISTRICT_OFFICE));
    CatalogFiles.LegalBasis law = new CatalogFiles.LegalBasis("某法", "Some Act", false);
    CaseTypeRow upToItsDepartment = new CaseTypeRow("X-5", "戊", "Five", Category.URBAN_DEVELOPMENT, "BUILDING", null,
        false, true, false, true, 5, null, null, null, null, List.of(), List.of("URBAN", "MOI"), Set.of(), List.of(), law, null, null, null);
    CaseTypeRow sideways = new CaseTypeRow("X-6", "己", "Six", Category.URBAN_DEVELOPMENT, "URBAN", null,
        true, true, false, true, 5, null, null, null, null, List.of("URBAN"), List.of("SOCIAL", "MOI", "URBAN"), Set.of(),
        List.of(), law, null, null, null);
    CaseTypeRow byRule = new CaseTypeRow("X-7", "庚", "Seven", Category.SOCIAL_WELFARE, null, ReceivedBy.HOUSEHOLD_DISTRICT_OFFICE,
        true, false, false, true, 5, null, null, null, null, List.of("DO-XINYI"), List.of(), Set.of(), List.of(), law, null, null, null);

    List<String> problems = new CatalogFiles(agencies, List.of(), List.of(upToItsDepartment, sideways, byRule)).problems();

    assertThat(problems).filteredOn(problem -> !problem.startsWith("district ")).containsExactlyInAnyOrder(
        "case type X-6: the escalation chain sends it from URBAN to SOCIAL, which is not above it (a higher level, or the"
            + " department it belongs to)",
        "case type X-6: the escalation chain sends it from MOI to URBAN, which is not above it (a higher level, or the"
            + " department it belongs to)",
        "case type X-6: co-reviewer URBAN is the receiving agency itself",
        "case type X-7: co-reviewer DO-XINYI is an office of the kind that receives the type, so for its own district it"
            + " would be the receiving office itself");
  }

  @Test
  void theLandOfficeOfEachDistrictIsTheOneTheChangeNoticesTell() {
    DecisionTables changes = DecisionTables.load("dmn/change-propagation.dmn", "changePropagation");
    for (CatalogFiles.DistrictRow row : CATALOG.districts()) {
      List<Object> told = changes.evaluate(Map.of("changeType", "ADDRESS", "district", row.district().name()))
          .collectEntries("agency");
      assertThat(told).as("an address change in %s", row.district())
          .contains(row.landOffice())
          .filteredOn(agency -> String.valueOf(agency).startsWith("LO-")).hasSize(1);
    }
  }

  @Test
  void aTypeReceivedByRuleNeedsEveryDistrictsOfficesOfTheRightKind() {
    List<AgencyRow> agencies = List.of(
        new AgencyRow("DO-DAAN", "大安區公所", "Da'an District Office", AgencyLevel.DISTRICT, null, OfficeKind.DISTRICT_OFFICE),
        new AgencyRow("LO-DAAN", "大安地政", "Da'an Land Office", AgencyLevel.DISTRICT, null, OfficeKind.LAND_OFFICE));
    CaseTypeRow both = new CaseTypeRow("X-4", "丁", "Four", Category.LAND_ADMINISTRATION, "LO-DAAN", ReceivedBy.PARCEL_LAND_OFFICE,
        false, false, false, true, 5, null, null, null, null, List.of(), List.of(), Set.of(), List.of(),
        new CatalogFiles.LegalBasis("土地法", "Land Act", false), null, null, null);
    CatalogFiles catalog = new CatalogFiles(agencies, List.of(), List.of(both), List.of(
        new CatalogFiles.DistrictRow(District.DAAN, "DO-DAAN", "DO-DAAN", "LO-NOWHERE")));

    assertThat(catalog.problems())
        .contains(
            "case type X-4: name either its receivingAgency or the rule it is receivedBy, not both",
            "district DAAN: householdRegistrationOffice DO-DAAN is not a HOUSEHOLD_REGISTRATION office",
            "district DAAN: landOffice LO-NOWHERE is not a listed agency",
            "district BEITOU is not listed in districts.yaml: types received by rule need its offices")
        .hasSize(2 + District.values().length);
  }

  @Test
  void unreadableCatalogStopsTheStartWithItsLocation() {
    assertThatThrownBy(() -> CatalogFiles.read(new DefaultResourceLoader(), "classpath:no-such-catalog/"))
        .hasMessageContaining("agencies.yaml");
  }

  @Test
  void agencyCodesMakeValidGroupIds() {
    assertThat(CATALOG.agencies())
        .allSatisfy(agency -> assertThat(agency.code()).matches("[A-Z][A-Z0-9-]*"));
    assertThat(Arrays.stream(Category.values()).map(Category::code).distinct()).hasSize(Category.values().length);
  }
}
