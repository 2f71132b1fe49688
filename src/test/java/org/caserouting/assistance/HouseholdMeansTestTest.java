package org.caserouting.assistance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.support.VerificationTest.AGENCIES;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.SiteZone;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.SubmitApplicationRequest.Applicant;
import org.caserouting.cases.SubmitApplicationRequest.Document;
import org.caserouting.cases.SubmitApplicationRequest.Site;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.catalog.District;
import org.caserouting.catalog.DocumentClass;
import org.caserouting.intake.IntakeService;
import org.caserouting.letters.DecisionLetters;
import org.caserouting.meanstest.Figure;
import org.caserouting.meanstest.FigureKind;
import org.caserouting.meanstest.MeansTestLevel;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.signoff.SignOff;
import org.caserouting.signoff.SignOffChain;
import org.caserouting.support.Api;
import org.caserouting.support.CaseWork;
import org.caserouting.support.CatalogExamples;
import org.caserouting.support.VerificationTest;
import org.caserouting.support.WebappSession;
import org.caserouting.verification.ContactSlipProcess;
import org.caserouting.verification.EvidenceLog;
import org.caserouting.verification.EvidenceOutcome;
import org.caserouting.verification.VerificationEvidence;
import org.caserouting.verification.XRoadClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The means test of a low-income application, from the bundled simulator's households over real
 * HTTP (WireMock passing each query on): one household per rule, each reaching its proposal with
 * every figure traced to the query that produced it or to the law that imputes it. The
 * application's date is in 2026, whose (demo) thresholds for Taipei are 21,010 a month, 31,515 for
 * middle-low income, and the basic wage 29,500.
 */
@VerificationTest
class HouseholdMeansTestTest {

  static final String SINGLE_ELDERLY = "A220000018";
  static final String CHEN = "A120000025";
  static final String CHEN_SPOUSE = "A220000045";
  static final String CHEN_SON = "A120000052";
  static final String CHEN_BROTHER = "A120000034";
  static final String CHEN_DAUGHTER_IN_KAOHSIUNG = "E220000138";
  static final String CHANG = "A220000072";
  static final String CHANG_SON_WITHOUT_INCOME = "A120000061";
  static final String HUANG = "A120000089";
  static final String HUANG_SPOUSE = "A220000090";
  private static final String TAX = "TAX";
  private static final String REASON = "長女婚後居高雄，經訪視多年未負擔家計 The daughter has given no support for years";

  @Autowired ProcessEngine engine;
  @Autowired IntakeService intake;
  @Autowired EvidenceLog evidence;
  @Autowired CaseMeansTest meansTest;
  @Autowired SignOffChain signOffs;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired XRoadClient agencies;
  @Autowired DecisionLetters letters;
  @LocalServerPort int port;

  @BeforeEach
  void agenciesAreTheSimulator() {
    AGENCIES.resetAll();
    agencies.resetCircuits();
    AGENCIES.stubFor(get(anyUrl()).willReturn(aResponse().proxiedFrom("http://localhost:" + port + "/simulator")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-15T02:00:00Z")));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  CaseWork apply(String nationalId, String name) {
    CaseWork work = submit(nationalId, name);
    assertThat(work.taskFor("do-daan-clerk").getTaskDefinitionKey()).isEqualTo("reviewByReceivingAgency");
    return work;
  }

  /** Submitted online with consent, and verified as far as the agencies answer. */
  CaseWork submit(String nationalId, String name) {
    return submit("SW-LOW-INCOME", nationalId, name);
  }

  CaseWork submit(String caseType, String nationalId, String name) {
    SubmitApplicationRequest request = new SubmitApplicationRequest(caseType,
        new Applicant(nationalId, name, "applicant@example.tw", null, District.DAAN),
        List.of(new Document(DocumentClass.UPLOADABLE, "存摺封面影本")),
        new Site("臺北市大安區", null, SiteZone.RESIDENTIAL, District.DAAN),
        SubmittedVia.ONLINE, true, null, CatalogExamples.applicationData(caseType), null);
    CaseWork work = new CaseWork(engine, intake.submit(request, null).answer().applicationNo());
    work.runAsyncContinuations();
    return work;
  }

  CaseMeansTest.View meansTestOf(CaseWork work) {
    return meansTest.view(work.applicationNo()).orElseThrow();
  }

  @Test
  void aSingleElderlyPersonWithInterestAndSmallSavingsIsProposedLowIncome() {
    CaseWork work = apply(SINGLE_ELDERLY, "李秀蘭");

    CaseMeansTest.View view = meansTestOf(work);

    assertThat(view.proposed().level()).isEqualTo(MeansTestLevel.LOW_INCOME);
    assertThat(view.proposed().averages().countedMembers()).isEqualTo(1);
    assertThat(view.proposed().averages().incomePerPerson()).isEqualByComparingTo("100");
    assertThat(view.proposed().averages().movablePerPerson()).isEqualByComparingTo("80000");
    CaseMeansTest.PersonLine her = person(view, SINGLE_ELDERLY);
    assertThat(her.initials()).isEqualTo("李○○");
    assertThat(amounts(her)).containsEntry(FigureKind.INTEREST, new BigDecimal("100.00"))
        .containsEntry(FigureKind.DEPOSITS, new BigDecimal("80000"));
    assertThat(figure(her, FigureKind.WORK_INCOME).amount()).as("78 years old: no basic wage imputed").isZero();
    assertEveryAgencyFigureNamesItsQuery(work, view);
    assertThat(view.thresholds().demoData()).isTrue();
  }

  @Test
  void aWorkingDaughterRegisteredElsewhereIsCountedAndAnUncleLivingWithThemIsNeitherCountedNorAskedAbout() {
    CaseWork work = apply(CHEN, "陳志明");

    CaseMeansTest.View view = meansTestOf(work);

    // 20,050 + 31,800 (the mother's insured salary) + 0 + 50,000 shared by four: 25,462.50, above 21,010, under 31,515.
    assertThat(view.proposed().level()).isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
    assertThat(view.proposed().averages().countedMembers()).isEqualTo(4);
    assertThat(view.proposed().averages().incomePerPerson()).isEqualByComparingTo("25462.50");
    Figure insured = figure(person(view, CHEN_SPOUSE), FigureKind.WORK_INCOME);
    assertThat(insured.amount()).as("a job taken since the tax year: the insured salary").isEqualByComparingTo("31800");
    assertThat(insured.source()).contains("勞工保險局", "勞保");
    assertThat(insured.evidence()).isNotNull();
    assertThat(view.proposed().averages().movablePerPerson()).isEqualByComparingTo("40000");
    CaseMeansTest.PersonLine daughter = person(view, CHEN_DAUGHTER_IN_KAOHSIUNG);
    assertThat(daughter.counted()).isTrue();
    assertThat(daughter.basis()).contains("§5(1)(i)-(ii)");
    assertThat(figure(daughter, FigureKind.WORK_INCOME).amount()).isEqualByComparingTo("50000");
    assertThat(figure(daughter, FigureKind.WORK_INCOME).note()).contains("600,000");
    CaseMeansTest.PersonLine uncle = person(view, CHEN_BROTHER);
    assertThat(uncle.counted()).isFalse();
    assertThat(uncle.figures()).isEmpty();
    assertThat(taxQueriesAbout()).as("least data: the tax office is asked about the counted persons only")
        .contains(CHEN, CHEN_SPOUSE, CHEN_SON, CHEN_DAUGHTER_IN_KAOHSIUNG).doesNotContain(CHEN_BROTHER);
    assertThat(view.proposed().reasons()).anyMatch(f -> f.level() == MeansTestLevel.LOW_INCOME && !f.met());
    assertEveryAgencyFigureNamesItsQuery(work, view);
    assertThat(trackPage(work.applicationNo(), CHEN.substring(6))).as("the applicant reads why the uncle is not counted")
        .contains("兄弟姊妹 Sibling", "不列計", "非應計算人口").doesNotContain("null");

    // Household members are people too: each finds the queries that touched their data, and nothing of the case.
    Api portal = new Api(http);
    Api.Response daughters = portal.get("/api/people/" + CHEN_DAUGHTER_IN_KAOHSIUNG + "/data-access");
    assertThat(daughters.status()).isEqualTo(200);
    assertThat(daughters.body().findValuesAsText("service")).contains("HOUSEHOLD", TAX);
    assertThat(daughters.body().findValuesAsText("purpose")).allMatch(purpose -> purpose.contains("低收入戶資格審核"));
    assertThat(daughters.body().toString()).doesNotContain(work.applicationNo(), CHEN, "陳志明");
    assertThat(portal.get("/api/people/" + CHEN_BROTHER + "/data-access").body().findValuesAsText("service"))
        .as("the uncle's record was in the registration's answer; his income was never asked").containsOnly("HOUSEHOLD");
    assertThat(new Api(http, "do-daan-clerk").get("/api/people/" + CHEN_DAUGHTER_IN_KAOHSIUNG + "/data-access").status())
        .as("only the portal, for the citizen it signed in").isEqualTo(403);
  }

  @Test
  void aWorkingAgeSonWithoutRecordedIncomeIsCountedAtTheBasicWage() {
    CaseWork work = apply(CHANG, "張美玲");

    CaseMeansTest.View view = meansTestOf(work);

    // 22,000 + 29,500 (the basic wage) shared by two: 25,750; without the imputation it would be 11,000.
    assertThat(view.proposed().level()).isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
    assertThat(view.proposed().averages().incomePerPerson()).isEqualByComparingTo("25750");
    Figure imputed = figure(person(view, CHANG_SON_WITHOUT_INCOME), FigureKind.WORK_INCOME);
    assertThat(imputed.amount()).isEqualByComparingTo("29500");
    assertThat(imputed.source()).contains("§5-1");
    assertThat(imputed.evidence()).as("the law's figure, not an agency's").isNull();
    assertThat(imputed.note()).contains("基本工資");
    assertEveryAgencyFigureNamesItsQuery(work, view);
  }

  @Test
  void aCoupleJustAboveTheMiddleLowIncomeLineIsProposedNotEligibleWithTheFailedTest() {
    CaseWork work = apply(HUANG, "黃國華");

    CaseMeansTest.View view = meansTestOf(work);

    // 35,200 + 28,000 shared by two: 31,600, 85 above 1.5 times the minimum living expense.
    assertThat(view.proposed().level()).isEqualTo(MeansTestLevel.NOT_ELIGIBLE);
    assertThat(view.proposed().averages().incomePerPerson()).isEqualByComparingTo("31600");
    assertThat(view.proposed().reasons()).isNotEmpty()
        .allMatch(f -> f.level() == MeansTestLevel.MIDDLE_LOW_INCOME && !f.met());
    assertThat(view.proposed().reasons()).extracting(f -> f.basis()).allMatch(basis -> basis.contains("4條之1"));
    assertThat(person(view, HUANG_SPOUSE).counted()).isTrue();
    assertEveryAgencyFigureNamesItsQuery(work, view);
  }

  @Test
  void theClerkLeavesTheDaughterOutWithAReasonAndTheSignedResultDiffersFromTheProposalAndSaysWhy() {
    CaseWork work = apply(CHEN, "陳志明");
    String no = work.applicationNo();
    String adjustments = "/api/applications/" + no + "/means-test/adjustments";
    String leaveOut = "{\"member\": \"" + CHEN_DAUGHTER_IN_KAOHSIUNG + "\", \"kind\": \"LEAVE_OUT\","
        + " \"ground\": \"NO_SUPPORT_IN_FACT\", \"reason\": \"" + REASON + "\"}";
    Api clerk = new Api(http, "do-daan-clerk");

    assertThat(clerk.postJson(adjustments, leaveOut, new HttpHeaders()).status())
        .as("not before the clerk has taken the review").isEqualTo(403);
    engine.getTaskService().claim(work.taskFor("do-daan-clerk").getId(), "do-daan-clerk");
    Api.Response incomplete = clerk.postJson(adjustments,
        "{\"member\": \"" + CHEN_DAUGHTER_IN_KAOHSIUNG + "\", \"kind\": \"LEAVE_OUT\", \"reason\": \" \"}",
        new HttpHeaders());
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.invalidFields()).containsExactlyInAnyOrder("ground", "reason");
    assertThat(clerk.postJson(adjustments, leaveOut.replace(CHEN_DAUGHTER_IN_KAOHSIUNG, "A123456789"), new HttpHeaders())
        .status()).as("someone not of this household").isEqualTo(422);
    assertThat(clerk.postJson(adjustments, leaveOut.replace(CHEN_DAUGHTER_IN_KAOHSIUNG, CHEN), new HttpHeaders())
        .body().path("type").asText()).as("the applicant is always counted").endsWith("/cannot-leave-out");
    assertThat(clerk.postJson(adjustments, leaveOut.replace(CHEN_DAUGHTER_IN_KAOHSIUNG, CHEN_BROTHER), new HttpHeaders())
        .status()).as("the uncle is not counted anyway").isEqualTo(422);
    assertThat(new Api(http, "social-clerk").postJson(adjustments, leaveOut, new HttpHeaders()).status())
        .as("the upper agency's clerk does not adjust the district's review").isEqualTo(403);
    assertThat(meansTest.view(no).orElseThrow().adjustments()).as("nothing written by the refused calls").isEmpty();

    Api.Response adjusted = clerk.postJson(adjustments, leaveOut, new HttpHeaders());

    assertThat(adjusted.status()).isEqualTo(201);
    CaseMeansTest.View view = meansTest.view(no).orElseThrow();
    assertThat(view.proposed().level()).isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
    // 20,050 + 31,800 + 0 shared by three: 17,283.33.
    assertThat(view.settled().level()).isEqualTo(MeansTestLevel.LOW_INCOME);
    assertThat(view.settled().averages().incomePerPerson()).isEqualByComparingTo("17283.33");
    assertThat(person(view, CHEN_DAUGHTER_IN_KAOHSIUNG).counted()).isFalse();
    assertThat(person(view, CHEN_DAUGHTER_IN_KAOHSIUNG).note()).contains(REASON, "do-daan-clerk");
    assertThat((String) engine.getTaskService().getVariable(work.taskFor("do-daan-clerk").getId(), "meansTestProposal"))
        .as("the first review's form").contains("系統建議 Proposed：中低收入戶", "調整後 After the clerk's adjustments：低收入戶")
        .doesNotContain("陳怡君");

    work.work("do-daan-clerk", TaskOutcome.APPROVE, "依調整後之家庭人口核算，符合低收入戶");
    work.work("do-daan-chief", TaskOutcome.APPROVE, "如擬，陳轉社會局");

    SignOff signed = signOffs.of(no).get(0);
    assertThat(signed.getUserId()).isEqualTo("do-daan-chief");
    assertThat(signed.draft().facts()).contains("系統建議 Proposed：中低收入戶 Middle-low income",
        "調整後 After the clerk's adjustments：低收入戶 Low income", "陳○○", "未履行扶養義務", REASON, "do-daan-clerk");
    assertThat(signOffs.verify(no).intact()).isTrue();

    // The upper agency decides; the decision letter sets the reckoning out for the applicant.
    assertThat(clerk.postJson(adjustments, leaveOut, new HttpHeaders()).status())
        .as("nobody adjusts once the draft has gone up").isEqualTo(403);
    work.work("social-clerk", TaskOutcome.APPROVE, "核列低收入戶");
    work.work("social-chief", TaskOutcome.APPROVE, null);
    assertThat(signOffs.of(no)).last().satisfies(last -> assertThat(last.draft().facts()).contains(REASON));
    String letter = letterText(no);
    assertThat(letter).contains("家庭收支計算", "調整後", "低收入戶 Low income", "17,283.33", "21,010", "陳○○",
        "臺北市稅捐稽徵處", "長女婚後居高雄");
    assertThat(letter).as("initials and offices, no member's name or ID, no clerk")
        .doesNotContain("陳怡君", CHEN_DAUGHTER_IN_KAOHSIUNG, "do-daan-clerk");
    Api.Response asThePortalSeesIt = new Api(http).get("/api/applications/" + no + "/means-test");
    assertThat(asThePortalSeesIt.status()).isEqualTo(200);
    assertThat(asThePortalSeesIt.body().path("adjustments").get(0).path("reason").asText()).isEqualTo(REASON);
    assertThat(asThePortalSeesIt.body().toString()).doesNotContain(CHEN_DAUGHTER_IN_KAOHSIUNG, "陳怡君", "do-daan-clerk");

    jdbc.execute("alter table sign_off disable trigger sign_off_append_only");
    try {
      jdbc.update("update sign_off set facts = replace(facts, '低收入戶 Low income', '不符資格 Not eligible')"
          + " where application_no = ?", no);
    } finally {
      jdbc.execute("alter table sign_off enable trigger sign_off_append_only");
    }
    assertThat(signOffs.verify(no).intact()).as("the signature covers the settled means test").isFalse();
  }

  @Test
  void aFigureTheTaxOfficeCannotGiveOnlineIsAskedByContactSlipAndEnteredByTheClerkNeverCountedAsZero() {
    AGENCIES.stubFor(get(urlPathEqualTo("/r1/TW/GOV/MOF-FIA/fiscal-information/tax/" + CHEN_DAUGHTER_IN_KAOHSIUNG))
        .willReturn(aResponse().withStatus(500)));
    CaseWork work = submit(CHEN, "陳志明");

    // Every retry spent: the tax office's clerks get a contact slip, and the district waits for it.
    assertThat(work.taskFor("revenue-clerk").getTaskDefinitionKey()).isEqualTo(ContactSlipProcess.Elements.ANSWER);
    work.work("revenue-clerk", TaskOutcome.APPROVE, null,
        ContactSlipProcess.Variables.ANSWER.of("陳怡君 114年度薪資所得 600,000 元，存款 100,000 元"),
        ContactSlipProcess.Variables.REFERENCE.of("北市稽大安字第0042號"));
    Task review = work.taskFor("do-daan-clerk");
    assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewByReceivingAgency");

    CaseMeansTest.View view = meansTest.view(work.applicationNo()).orElseThrow();
    assertThat(view.proposed().complete()).as("no proposal counting her as zero").isFalse();
    assertThat(view.proposed().missing()).containsExactly("陳○○");
    assertThat(person(view, CHEN_DAUGHTER_IN_KAOHSIUNG).missing()).isTrue();
    assertThat((String) engine.getTaskService().getVariable(review.getId(), "meansTestProposal"))
        .contains("資料尚缺，不以零計", "陳○○");

    engine.getTaskService().claim(review.getId(), "do-daan-clerk");
    Api clerk = new Api(http, "do-daan-clerk");
    String adjustments = "/api/applications/" + work.applicationNo() + "/means-test/adjustments";
    for (String figure : List.of("\"WORK_INCOME\", \"amount\": 50000", "\"DEPOSITS\", \"amount\": 100000")) {
      assertThat(clerk.postJson(adjustments, "{\"member\": \"" + CHEN_DAUGHTER_IN_KAOHSIUNG + "\", \"kind\": \"SET_FIGURE\","
          + " \"figure\": " + figure + ", \"reason\": \"依稅捐稽徵處聯繫單回復（北市稽大安字第0042號）登錄\"}", new HttpHeaders()).status())
          .isEqualTo(201);
    }

    CaseMeansTest.View entered = meansTest.view(work.applicationNo()).orElseThrow();
    assertThat(entered.settled().level()).isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
    assertThat(entered.settled().averages().incomePerPerson()).isEqualByComparingTo("25462.50");
    assertThat(figure(person(entered, CHEN_DAUGHTER_IN_KAOHSIUNG), FigureKind.WORK_INCOME).note())
        .contains("北市稽大安字第0042號");
  }

  @Test
  void aTypeDecidedOnRulesOfItsOwnIsOfferedNoMeansTestThoughItAsksForIncomeAndProperty() {
    CaseWork work = submit("SW-ELDERLY-LIVING-ALLOWANCE", HUANG, "黃國華");

    assertThat(meansTest.view(work.applicationNo())).isEmpty();
    assertThat(new Api(http, "demo").get("/api/applications/" + work.applicationNo() + "/means-test").status())
        .isEqualTo(404);
  }

  @Test
  void theApplicantReadsTheReckoningOnTrackAndTheClerkReadsEveryFigureInTheCaseFile() {
    CaseWork work = apply(CHANG, "張美玲");

    String track = trackPage(work.applicationNo(), CHANG.substring(6));

    assertThat(track).contains("您家庭的收入及財產如何計算", "審查中之試算", "臺北市 2026 年度", "張○○", "中低收入戶 Middle-low income",
        "25,750", "21,010", "31,515", "29,500", "社會救助法第5條之1", "臺北市稅捐稽徵處 Tax 財稅", "示範資料");
    assertThat(track).as("initials only, no one's ID").doesNotContain("張志偉", CHANG_SON_WITHOUT_INCOME);

    String caseFile = caseFile(work, "do-daan-clerk");
    assertThat(caseFile).contains("社會救助審查 Means test", "張○○ " + CHANG_SON_WITHOUT_INCOME, "工作收入 Work income：29,500",
        "臺北市稅捐稽徵處 Tax 財稅 #");
    assertThat(caseFile).as("the form to adjust is for the clerk who has taken the review").doesNotContain("記錄調整");
    engine.getTaskService().claim(work.taskFor("do-daan-clerk").getId(), "do-daan-clerk");
    assertThat(caseFile(work, "do-daan-clerk")).contains("記錄調整 Record the adjustment");
  }

  static CaseMeansTest.PersonLine person(CaseMeansTest.View view, String nationalId) {
    return view.people().stream().filter(p -> nationalId.equals(p.ref())).findFirst().orElseThrow();
  }

  static Figure figure(CaseMeansTest.PersonLine person, FigureKind kind) {
    return person.figures().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
  }

  private static Map<FigureKind, BigDecimal> amounts(CaseMeansTest.PersonLine person) {
    return person.figures().stream().collect(Collectors.toMap(Figure::kind, Figure::amount));
  }

  private String trackPage(String applicationNo, String idSuffix) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("Accept-Language", "zh-TW");
    // A client address of its own, so that other tests' look-ups do not count against it.
    headers.set("X-Forwarded-For", "10.9.0.23");
    ResponseEntity<String> page = http.exchange("/track", HttpMethod.POST,
        new HttpEntity<>("applicationNo=" + applicationNo + "&idSuffix=" + idSuffix, headers), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return page.getBody();
  }

  private String letterText(String applicationNo) {
    var stored = letters.of(applicationNo).orElseThrow();
    try (PDDocument document = Loader.loadPDF(letters.content(stored).orElseThrow())) {
      return new PDFTextStripper().getText(document).replaceAll("\\R", "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String caseFile(CaseWork work, String user) {
    WebappSession session = WebappSession.signIn("http://localhost:" + port, "tasklist", user, engine.getName());
    WebappSession.Page page = session.open("/cases/" + work.applicationNo());
    assertThat(page.status()).isEqualTo(200);
    return page.text();
  }

  private static List<String> taxQueriesAbout() {
    return AGENCIES.findAll(getRequestedFor(anyUrl())).stream()
        .map(request -> request.getUrl().split("\\?")[0])
        .filter(url -> url.contains("/fiscal-information/tax/"))
        .map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
  }

  /** Each figure an agency gave names a query of this case that the tax office answered. */
  private void assertEveryAgencyFigureNamesItsQuery(CaseWork work, CaseMeansTest.View view) {
    Map<Integer, VerificationEvidence> bySeq = evidence.of(work.applicationNo()).stream()
        .collect(Collectors.toMap(VerificationEvidence::getSeq, e -> e));
    List<Figure> fromAgencies = view.people().stream().flatMap(p -> p.figures().stream())
        .filter(f -> f.evidence() != null).toList();
    assertThat(fromAgencies).isNotEmpty().allSatisfy(f -> {
      VerificationEvidence query = bySeq.get(f.evidence());
      assertThat(query.getService()).isIn(TAX, "INSURANCE");
      assertThat(query.getOutcome()).isEqualTo(EvidenceOutcome.ANSWERED);
      assertThat(f.source()).contains(query.getService().equals(TAX) ? "Tax 財稅" : "Labour insurance 勞保");
      assertThat(f.at()).isNotNull();
    });
    assertThat(view.people().stream().filter(CaseMeansTest.PersonLine::counted))
        .allSatisfy(p -> assertThat(p.figures()).as("%s has figures", p.initials()).isNotEmpty());
    assertThat(view.sources()).extracting(CaseMeansTest.Source::service).startsWith("HOUSEHOLD", TAX);
  }
}
