package org.caserouting.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RuntimeService;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.support.Api;
import org.caserouting.support.Api.FilePart;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Clamd;
import org.caserouting.support.Submission;
import org.caserouting.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may file: a person by a national ID or a resident certificate, a company by its unified
 * business number through its representative, an agent with the applicant's mandate; and each
 * type takes only the kinds it names.
 */
@CaseRouterTest
class ApplicantKindsTest {

  private static final byte[] MANDATE = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 委任書\ntrailer << /Root 1 0 R >>\n%%EOF\n"
      .getBytes(StandardCharsets.UTF_8);

  @Autowired TestRestTemplate http;
  @Autowired ApplicationRepository applications;
  @Autowired RuntimeService runtime;
  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  private long[] footprint() {
    return new long[] {applications.count(), runtime.createProcessInstanceQuery().count()};
  }

  @ParameterizedTest
  @ValueSource(strings = {"A123456789", "A812345671", "AC12345679"})
  void aPersonAppliesWithANationalIdOrAResidentCertificateOfEitherFormat(String id) {
    Api.Response response = api.submit(Submission.householdTranscript().applicant("nationalId", id));

    assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
  }

  @Test
  void aCompanyAppliesByItsBusinessNumberValidUnderThe2023Rule() {
    Api.Response response = api.submit(Submission.of("IN-FACTORY-REGISTRATION")
        .organisation("10000004", "好食食品股份有限公司", "王小明"));

    assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    var stored = applications.findByApplicationNo(response.body().get("applicationNo").asText()).orElseThrow();
    assertThat(stored.filedBy().applicant()).isEqualTo("好食食品股份有限公司（統一編號 10000004，代表人 王小明）");
  }

  @Test
  void anOrganisationNamesItsNumberAndRepresentativeAndAPersonNeither() {
    long[] before = footprint();

    Api.Response noNumber = api.submit(Submission.of("IN-FACTORY-REGISTRATION")
        .organisation(null, "好食食品股份有限公司", null));
    Api.Response wrongNumber = api.submit(Submission.of("IN-FACTORY-REGISTRATION")
        .organisation("10000000", "好食食品股份有限公司", "王小明"));
    Api.Response personWithNumber = api.submit(Submission.householdTranscript().applicant("businessNo", "22099131"));
    Api.Response agentAsApplicant = api.submit(Submission.householdTranscript().applicant("kind", "AGENT"));

    assertThat(noNumber.status()).isEqualTo(400);
    assertThat(noNumber.invalidFields()).containsExactlyInAnyOrder("applicant.businessNo", "applicant.representativeName");
    assertThat(wrongNumber.invalidFields()).containsExactly("applicant.businessNo");
    assertThat(wrongNumber.body().get("errors").get(0).get("message").asText()).contains("統一編號");
    assertThat(personWithNumber.invalidFields()).containsExactly("applicant.businessNo");
    assertThat(agentAsApplicant.invalidFields()).containsExactly("applicant.kind");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aTypeRefusesAKindItDoesNotTakeAndSaysWhoMayFileIt() {
    long[] before = footprint();

    Api.Response companyForWelfare = api.submit(Submission.lowIncome().organisation("22099131", "好食食品股份有限公司", "王小明"));
    Api.Response personForCompanyChange = api.submit(Submission.of("IN-COMPANY-CHANGE"));

    assertThat(companyForWelfare.status()).isEqualTo(422);
    assertThat(companyForWelfare.body().get("type").asText()).isEqualTo("/problems/applicant-kind-not-accepted");
    assertThat(companyForWelfare.body().get("detail").asText())
        .startsWith("此類別不受理法人或團體申請，受理自然人、代理人")
        .contains("is not filed by a company or organisation");
    assertThat(companyForWelfare.body().get("acceptedKinds")).extracting(kind -> kind.asText())
        .containsExactly("PERSON", "AGENT");
    assertThat(personForCompanyChange.status()).isEqualTo(422);
    assertThat(personForCompanyChange.body().get("refusedKinds")).extracting(kind -> kind.asText()).containsExactly("PERSON");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void anAgentFilesWithTheApplicantsMandateAndTheCaseFileNamesThem() {
    Api.Response noLicence = api.submit(Submission.lowIncome().agent("LAND_SCRIVENER", "F231234561", "林美麗", null));
    assertThat(noLicence.status()).isEqualTo(400);
    assertThat(noLicence.invalidFields()).containsExactly("agent.licenceNo");

    long[] before = footprint();
    Api.Response noMandate = api.submit(Submission.lowIncome().agent("FAMILY", "F231234561", "林美麗", null));
    assertThat(noMandate.status()).isEqualTo(422);
    assertThat(noMandate.body().get("type").asText()).isEqualTo("/problems/mandate-missing");
    assertThat(noMandate.body().get("detail").asText()).startsWith("代理人申請須檢附委任書");
    assertThat(footprint()).isEqualTo(before);

    Clamd.assumeInstalled();
    Api.Response filed = api.submitWithFiles(Submission.lowIncome().agent("FAMILY", "F231234561", "林美麗", null),
        new FilePart("MANDATE", "委任書.pdf", MANDATE));
    assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
    String no = filed.body().get("applicationNo").asText();

    WebappSession.Page caseFile = WebappSession.signIn("http://localhost:" + port, "tasklist", "do-daan-clerk").open("/cases/" + no);
    assertThat(caseFile.text()).contains("代理人 Agent", "林美麗，家屬 family member", "委任書 Mandate (power of attorney)",
        "自然人 a person", "委任書.pdf");
  }
}
