package org.caserouting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.Decision;
import org.caserouting.catalog.CatalogFiles.CaseTypeRow;
import org.caserouting.catalog.CatalogFiles.DistrictRow;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.support.Api;
import org.caserouting.support.ApiContract;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The city's 363 application types as data alone. A service of its own loads the generated
 * catalog ({@link GeneratedCatalog}) from files, as a process owner would write them; the portal
 * files one application of every type, valid for its form and for who may file it; and each case
 * is worked to its decision through the generic processes by clerks who do only what the engine
 * offers them ({@link CaseWork#toDecision()}). No type has code of its own: a type that needed it
 * would stop here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EveryTypeOfTheCityTest.CityCatalog.class)
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
class EveryTypeOfTheCityTest {

  static final CatalogFiles CITY = GeneratedCatalog.of(CatalogFiles.read(new DefaultResourceLoader(), "classpath:catalog/"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] MANDATE = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 委任書\ntrailer << /Root 1 0 R >>\n%%EOF\n"
      .getBytes(StandardCharsets.UTF_8);

  /** The generated catalog, written as files, on a database and engine of its own. */
  static class CityCatalog extends EmbeddedPostgresInitializer {
    CityCatalog() {
      super("case_router_city", "city");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      super.initialize(context);
      try {
        String location = GeneratedCatalog.write(CITY, Files.createTempDirectory("city-catalog"));
        TestPropertyValues.of("caserouting.catalog.location=" + location).applyTo(context.getEnvironment());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationRepository applications;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyTypeIsFiledAndDecidedThroughTheGenericProcesses() {
    Api portal = new Api(http);
    ApiContract contract = ApiContract.servedBy(portal);
    List<String> breaches = new ArrayList<>();
    Api.Response listing = portal.get("/api/case-types");
    breaches.addAll(contract.breaches("GET", "/api/case-types", listing));
    assertThat(listing.body().findValuesAsText("code")).containsAll(CITY.caseTypes().stream().map(CaseTypeRow::code).toList());

    Map<String, List<CaseWork.Worked>> workedByType = new LinkedHashMap<>();
    List<CaseTypeRow> types = CITY.caseTypes();
    for (int n = 0; n < types.size(); n++) {
      CaseTypeRow type = types.get(n);
      District district = District.values()[n % District.values().length];
      Api.Response filed = file(type, district, n);
      assertThat(filed.status()).as("%s: %s", type.code(), filed.body()).isEqualTo(201);
      breaches.addAll(contract.breaches("POST", "/api/applications", filed));
      String no = filed.body().get("applicationNo").asText();

      List<CaseWork.Worked> worked = new CaseWork(engine, no).toDecision();

      assertThat(applications.findByApplicationNo(no).orElseThrow().getDecision()).as(type.code()).isEqualTo(Decision.APPROVED);
      assertThat(agencies(worked)).as("%s worked by %s", type.code(), worked).containsAll(route(type, district));
      workedByType.put(type.code(), worked);
      if (n % 20 == 0) {
        breaches.addAll(contract.breaches("GET", "/api/applications/" + no, portal.get("/api/applications/{no}", no)));
      }
    }

    assertThat(workedByType).hasSize(363);
    assertThat(breaches).as("answers the contract does not describe").isEmpty();
  }

  /**
   * An application the type accepts: a person where it takes one, else a company through its
   * representative; every third one through an agent, with the mandate, where the type allows it;
   * online, or at the receiving office's counter for a type that cannot be filed online.
   */
  private Api.Response file(CaseTypeRow type, District district, int n) {
    Submission application = Submission.of(type.code())
        .set("applicationData", JSON.convertValue(type.form().example(), Map.class))
        .applicant("registeredDistrict", district.name())
        .set("site", Map.of("address", "臺北市" + district.nameZh() + "測試路1號", "district", district.name()))
        .document("UPLOADABLE", documentName(type.requiredDocuments().get(0)));
    if (!type.applicantKinds().contains(ApplicantKind.PERSON)) {
      application.organisation("10000004", "好食食品股份有限公司", "王小明");
    }
    Api filer = type.onlineAllowed()
        ? new Api(http) : new Api(http, AgencyGroups.groupId(receiver(type, district), AgencyGroups.Role.CLERK));
    if (!type.onlineAllowed()) {
      application.atCounter();
    }
    if (n % 3 == 1 && type.applicantKinds().contains(ApplicantKind.AGENT)) {
      application.agent("FAMILY", Submission.LIN, "林美麗", null);
      return filer.acceptWithFiles(application, new Api.FilePart("MANDATE", "委任書.pdf", MANDATE));
    }
    return filer.acceptWithFiles(application);
  }

  private static String documentName(String code) {
    return CITY.documents().stream().filter(document -> document.code().equals(code)).findFirst().orElseThrow().nameZh();
  }

  /** The agencies the type's data routes it through: its receiver, who is asked, and who approves above. */
  private static Set<String> route(CaseTypeRow type, District district) {
    Set<String> route = new LinkedHashSet<>();
    route.add(receiver(type, district));
    route.addAll(type.coReviewAgencies());
    route.addAll(type.escalationChain());
    return route;
  }

  private static String receiver(CaseTypeRow type, District district) {
    if (type.receivedBy() == null) {
      return type.receivingAgency();
    }
    DistrictRow offices = CITY.districts().stream().filter(row -> row.district() == district).findFirst().orElseThrow();
    return switch (type.receivedBy()) {
      case SITE_DISTRICT_OFFICE, HOUSEHOLD_DISTRICT_OFFICE -> offices.districtOffice();
      case PARCEL_LAND_OFFICE -> offices.landOffice();
    };
  }

  private static Set<String> agencies(List<CaseWork.Worked> worked) {
    return worked.stream().map(w -> AgencyGroups.parse(w.group()).map(AgencyGroups.AgencyRole::agencyCode).orElse(w.group()))
        .collect(Collectors.toSet());
  }
}
