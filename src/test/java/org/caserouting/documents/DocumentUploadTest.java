package org.caserouting.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.platform.Sha256;
import org.caserouting.support.Api;
import org.caserouting.support.Api.FilePart;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Clamd;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal sends the applicant's files with the application. Each is read for what it is,
 * scanned by a real ClamAV daemon, and stored with the case, or the application is not taken at all.
 */
@CaseRouterTest
class DocumentUploadTest {

  @Autowired TestRestTemplate http;
  @Autowired ApplicationFiles files;
  @Autowired ApplicationRepository applications;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired FileRetention retention;

  @org.junit.jupiter.api.BeforeEach
  void scannerInstalled() {
    Clamd.assumeInstalled();
  }

  @Test
  void aPdfAndAPhotoAreStoredWithTheCaseUnderTheirHashes() throws IOException {
    byte[] pdf = pdf("低收入戶 income record");
    byte[] png = png();

    Api.Response accepted = new Api(http).submitWithFiles(Submission.lowIncome(),
        new FilePart("INCOME_RECORD", "收入證明.pdf", pdf), new FilePart("HOUSEHOLD_REGISTRATION", "戶口名簿.png", png));

    assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
    String no = accepted.body().get("applicationNo").asText();
    assertThat(files.of(no))
        .extracting(ApplicationFiles.StoredFile::documentCode, ApplicationFiles.StoredFile::fileName,
            ApplicationFiles.StoredFile::mediaType, ApplicationFiles.StoredFile::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("INCOME_RECORD", "收入證明.pdf", "application/pdf", Sha256.of(pdf)),
            org.assertj.core.groups.Tuple.tuple("HOUSEHOLD_REGISTRATION", "戶口名簿.png", "image/png", Sha256.of(png)));
    assertThat(files.content(Sha256.of(pdf))).hasValueSatisfying(content -> assertThat(content).isEqualTo(pdf));
  }

  @Test
  void aPhotoNamedAsAPdfIsRefusedAndNothingIsStored() throws IOException {
    String name = "renamed-" + System.nanoTime() + ".pdf";
    long before = applications.count();
    Api.Response refused = new Api(http).submitWithFiles(Submission.lowIncome(),
        new FilePart("INCOME_RECORD", "收入證明.pdf", pdf("ok")), new FilePart("BANK_PASSBOOK_COPY", name, png()));

    assertRefused(refused, "BANK_PASSBOOK_COPY", name, "檔案內容是 PNG，與副檔名 .pdf 不符");
    assertThat(applications.count()).as("applications, the good file's included").isEqualTo(before);
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeAnythingReadsIt() {
    String name = "large-" + System.nanoTime() + ".pdf";
    byte[] large = Arrays.copyOf("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 10 * 1024 * 1024 + 1);

    long before = applications.count();
    Api.Response refused = new Api(http).submitWithFiles(Submission.lowIncome(),
        new FilePart("PROPERTY_RECORD", name, large));

    assertRefused(refused, "PROPERTY_RECORD", name, "檔案超過 10 MB");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void aFileOverWhatTheServerReadsGetsAProblemToo() {
    long before = applications.count();
    byte[] huge = Arrays.copyOf("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 26 * 1024 * 1024);

    Api.Response refused = new Api(http).submitWithFiles(Submission.lowIncome(), new FilePart("PROPERTY_RECORD", "huge.pdf", huge));

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.contentType().toString()).startsWith("application/problem+json");
    assertThat(refused.body().get("title").asText()).isEqualTo("檔案過大 Too large");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void theEicarTestFileIsRefusedAsMalware() {
    String name = "eicar-" + System.nanoTime() + ".pdf";
    long before = applications.count();
    Api.Response refused = new Api(http).submitWithFiles(Submission.lowIncome(),
        new FilePart("INCOME_PROOF", name, Clamd.EICAR.getBytes(StandardCharsets.US_ASCII)));

    assertRefused(refused, "INCOME_PROOF", name, "檔案含有惡意程式");
    assertThat(applications.count()).isEqualTo(before);
    assertThat(refused.body().get("files").get(0).get("reason").asText()).contains("Eicar-Test-Signature");
  }

  @Test
  void whileTheScannerIsDownUploadsWaitAndNothingUnscannedIsStored() throws IOException {
    String name = "while-down-" + System.nanoTime() + ".pdf";
    long before = applications.count();
    Clamd.stop();
    try {
      Api.Response refused = new Api(http).submitWithFiles(Submission.lowIncome(),
          new FilePart("INCOME_RECORD", name, pdf("scanned later")));

      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("30");
      assertThat(refused.body().get("title").asText()).contains("暫時無法收件");
      assertNothingStoredFor(name);
      assertThat(applications.count()).isEqualTo(before);
    } finally {
      Clamd.start();
    }
    Api.Response later = new Api(http).submitWithFiles(Submission.lowIncome(),
        new FilePart("INCOME_RECORD", name, pdf("scanned later")));
    assertThat(later.status()).as("the same upload, once the scanner is back: %s", later.body()).isEqualTo(201);
  }

  @Test
  void aSupplementBringsItsFilesAndAnInfectedOneLeavesTheCaseWaiting() {
    String no = new Api(http).submit(Submission.lowIncome()).body().get("applicationNo").asText();
    new CaseWork(engine, no).work("do-daan-clerk", TaskOutcome.RETURN, "請補正存摺封面影本");
    Map<String, Object> supplement =
        Map.of("documents", List.of(Map.of("documentClass", "UPLOADABLE", "title", "存摺封面影本")));

    Api.Response infected = new Api(http).supplementWithFiles(no, supplement,
        new FilePart("BANK_PASSBOOK_COPY", "passbook.pdf", Clamd.EICAR.getBytes(StandardCharsets.US_ASCII)));
    assertThat(infected.status()).isEqualTo(422);
    assertThat(files.of(no)).isEmpty();
    assertThat(new Api(http).get("/api/applications/" + no).body().get("status").asText())
        .as("still waiting for the supplement").isEqualTo("SUPPLEMENT_REQUESTED");

    byte[] passbook = pdf("存摺封面");
    Api.Response supplied = new Api(http).supplementWithFiles(no, supplement,
        new FilePart("BANK_PASSBOOK_COPY", "passbook.pdf", passbook));
    assertThat(supplied.status()).as("%s", supplied.body()).isEqualTo(200);
    assertThat(files.of(no)).singleElement().satisfies(file -> {
      assertThat(file.source()).isEqualTo(ApplicationFiles.Source.SUPPLEMENT);
      assertThat(file.sha256()).isEqualTo(Sha256.of(passbook));
    });
  }

  @Test
  void filesGoWhenTheCasesRetentionEndsButContentAnotherCaseNamesStays() throws IOException {
    byte[] shared = pdf("shared " + System.nanoTime());
    byte[] own = pdf("own " + System.nanoTime());
    String ended = new Api(http).submitWithFiles(Submission.lowIncome(),
        new FilePart("INCOME_RECORD", "shared.pdf", shared), new FilePart("INCOME_PROOF", "own.pdf", own))
        .body().get("applicationNo").asText();
    String open = new Api(http).submitWithFiles(Submission.lowIncome(), new FilePart("INCOME_RECORD", "shared.pdf", shared))
        .body().get("applicationNo").asText();
    // Decided six years ago: past the five years of caserouting.retention.
    jdbc.update("update application set decided_at = ? where application_no = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(6 * 365))), ended);

    assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(2);

    assertThat(files.of(ended)).isEmpty();
    assertThat(files.content(Sha256.of(own))).isEmpty();
    assertThat(files.of(open)).hasSize(1);
    assertThat(files.content(Sha256.of(shared))).as("still named by the open case").isPresent();
  }

  private void assertRefused(Api.Response refused, String documentCode, String fileName, String reason) {
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
    assertThat(refused.contentType().toString()).startsWith("application/problem+json");
    assertThat(refused.body().get("files")).anySatisfy(file -> {
      assertThat(file.get("documentCode").asText()).isEqualTo(documentCode);
      assertThat(file.get("fileName").asText()).isEqualTo(fileName);
      assertThat(file.get("reason").asText()).contains(reason);
    });
    assertNothingStoredFor(fileName);
  }

  /** No file of that name was kept. */
  private void assertNothingStoredFor(String fileName) {
    assertThat(jdbc.queryForObject("select count(*) from application_file where file_name = ?", Long.class, fileName))
        .isZero();
  }

  /** A one-page PDF, as a scanner writes it: the header is what identifies the type. */
  private static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
