package org.caserouting.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.caserouting.cases.CaseFileReads;
import org.caserouting.documents.ApplicationFiles;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.JointReviewProcess;
import org.caserouting.support.Api.FilePart;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Clamd;
import org.caserouting.support.Submission;
import org.caserouting.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A clerk signed in to Tasklist opens the case file in the same session and sees the applicant's
 * PDF; a clerk of an agency the case has not reached is refused; every opening is logged.
 */
@CaseRouterTest
class CaseFileTest {

  @Autowired TestRestTemplate http;
  @Autowired ApplicationFiles files;
  @Autowired CaseFileReads reads;
  @LocalServerPort int port;

  private static final byte[] INCOME_RECORD =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 收入證明\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void theReceivingAgencysClerkOpensTheFileAndTheApplicantsPdfWithTheirTasklistSignIn() {
    String no = submitted();
    long fileId = files.of(no).get(0).id();
    WebappSession tasklist = WebappSession.signIn(base(), "tasklist", "do-daan-clerk");

    WebappSession.Page caseFile = tasklist.open("/cases/" + no);
    assertThat(caseFile.status()).isEqualTo(200);
    assertThat(caseFile.text()).contains("案卷 Case file", no, "收入證明.pdf", "審查中 In review", "低收入戶資格審核",
        "/cases/" + no + "/files/" + fileId).doesNotContain("SW-LOW-INCOME", "INCOME_RECORD");
    assertThat(caseFile.text()).as("the answers to the type's own form, under its labels")
        .contains("申請戶內人口數 People in the household", "臺北市大安區信義路三段 99 號")
        .doesNotContain("householdMembers", "mailingAddress");

    WebappSession.Page pdf = tasklist.open("/cases/" + no + "/files/" + fileId);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.body()).isEqualTo(INCOME_RECORD);

    assertThat(reads.of(no))
        .extracting(CaseFileReads.Read::userId, CaseFileReads.Read::what, CaseFileReads.Read::fileId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("do-daan-clerk", CaseFileReads.What.CASE_FILE, null),
            org.assertj.core.groups.Tuple.tuple("do-daan-clerk", CaseFileReads.What.DOCUMENT, fileId));
    assertThat(reads.of(no).get(0).agencyRoles()).isEqualTo("do-daan-clerk");

    // The portal's data-access log has the same reads: office, role, and the person as a code.
    var log = new Api(http).get("/api/applications/{no}/data-access", no).body();
    assertThat(log.get("officialReads")).hasSize(2).allSatisfy(read -> {
      assertThat(read.get("agency").asText()).isEqualTo("DO-DAAN");
      assertThat(read.get("role").asText()).isEqualTo("CLERK");
      assertThat(read.get("reader").asText()).matches("reader-[0-9a-f]{10}")
          .isEqualTo(log.get("officialReads").get(0).get("reader").asText());
    });
    assertThat(log.get("officialReads").get(1).get("documentCode").asText()).isEqualTo("INCOME_RECORD");
    assertThat(log.toString()).doesNotContain("do-daan-clerk");

    // The applicant's own page tells them: the office and the role, never the clerk's name.
    HttpHeaders chinese = new HttpHeaders();
    chinese.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-TW");
    String track = http.exchange(trackingPath.get(no), HttpMethod.GET, new HttpEntity<>(chinese), String.class).getBody();
    assertThat(track).contains("機關人員調閱您案卷的紀錄", "於辦理您的申請時開啟了您的案卷", "於辦理您的申請時開啟了您的綜合所得稅各類所得資料")
        .contains("大安區公所", "承辦人").doesNotContain("do-daan-clerk");
  }

  @Test
  void aClerkOfAnAgencyTheCaseHasNotReachedIsRefusedAndNothingIsLogged() {
    String no = submitted();
    long fileId = files.of(no).get(0).id();
    WebappSession tasklist = WebappSession.signIn(base(), "tasklist", "econ-clerk");

    WebappSession.Page caseFile = tasklist.open("/cases/" + no);
    assertThat(caseFile.status()).isEqualTo(403);
    assertThat(caseFile.text()).contains("無權查看此案卷").doesNotContain("收入證明.pdf");
    assertThat(tasklist.open("/cases/" + no + "/files/" + fileId).status()).isEqualTo(403);
    assertThat(reads.of(no)).isEmpty();
  }

  @Test
  void withoutATasklistSignInTheBrowserIsSentToSignIn() {
    String no = submitted();

    WebappSession.Page page = WebappSession.openWithoutSignIn(base(), "/cases/" + no);

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/camunda/app/tasklist/");
    assertThat(reads.of(no)).isEmpty();
  }

  @Test
  void everyCoReviewAnswerAndTheDeadlinesAreInTheFile() {
    Api api = new Api(http);
    String no = api.submit(Submission.of("TR-TEMPORARY-ROAD-USE").document("UPLOADABLE", "活動計畫書")
            .set("site", java.util.Map.of("address", "臺北市中山區林森北路100號", "zone", "COMMERCIAL")))
        .body().get("applicationNo").asText();
    api.workTask("trans-clerk", no, TaskOutcome.APPROVE);
    WebappSession tasklist = WebappSession.signIn(base(), "tasklist", "trans-clerk");
    assertThat(tasklist.open("/cases/" + no).text())
        .contains("期限 Deadlines", "目前承辦 Where the case waits now", "臺北市政府工務局", "臺北市政府警察局", "尚未回復 Not yet answered",
            "承辦人 Clerk");

    api.workTask("works-clerk", no, TaskOutcome.AGREE_WITH_CONDITIONS,
        JointReviewProcess.Variables.CONDITIONS.of("活動結束後二小時內恢復路面"));
    api.workTask("police-clerk", no, TaskOutcome.AGREE, TaskOutcome.OPINION.of("無意見"));

    String caseFile = tasklist.open("/cases/" + no).text();

    assertThat(caseFile).contains("會辦意見 Co-review answers", "臺北市政府工務局", "附條件同意 Agree with conditions",
        "活動結束後二小時內恢復路面", "臺北市政府警察局", "同意 Agree", "無意見");
    assertThat(caseFile).doesNotContain("AGREE_WITH_CONDITIONS", "尚未回復 Not yet answered");
  }

  /** Each case's tracking page, from the link in the answer to its submission. */
  private final java.util.Map<String, String> trackingPath = new java.util.HashMap<>();

  private String submitted() {
    Clamd.assumeInstalled();
    Api.Response accepted = new Api(http).submitWithFiles(
        Submission.lowIncome().data("householdMembers", 4).data("mailingAddress", "臺北市大安區信義路三段 99 號"),
        new FilePart("INCOME_RECORD", "收入證明.pdf", INCOME_RECORD));
    assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
    String no = accepted.body().get("applicationNo").asText();
    trackingPath.put(no, java.net.URI.create(accepted.body().get("trackingUrl").asText()).getPath());
    return no;
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
