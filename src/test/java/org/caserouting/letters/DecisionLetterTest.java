package org.caserouting.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;
import static org.caserouting.platform.engine.task.TaskOutcome.REJECT;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontLike;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.caserouting.mail.MailOutbox;
import org.caserouting.platform.Sha256;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.MailServer;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The decision as a letter (處分書), as the applicant receives it: fetched through the API and
 * /track, mailed, rendered to an image as a reader sees it, read back for its text, and its QR code
 * scanned back to the signed decision receipt.
 */
@CaseRouterTest
class DecisionLetterTest {

  static final String ID_SUFFIX = "6789";

  @Autowired TestRestTemplate http;
  @Autowired MailOutbox outbox;
  @Autowired LetterFont font;
  @Autowired org.caserouting.documents.FileRetention retention;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  Api api;
  /** Each test looks up from an address of its own, so the per-client limit is not shared with other tests. */
  String client;

  @BeforeEach
  void aFontIsInstalled() {
    String message = "No Traditional Chinese TrueType font for the decision letters"
        + " (apt-get install fonts-arphic-uming; .ci/run installs it)";
    if (font.font().isEmpty() && "required".equals(System.getenv("CASEROUTING_LETTER_FONT"))) {
      Assertions.fail(message + ". CASEROUTING_LETTER_FONT=required, so these tests may not be skipped.");
    }
    Assumptions.assumeTrue(font.font().isPresent(), message + ". Skipped.");
    api = new Api(http);
    var random = java.util.concurrent.ThreadLocalRandom.current();
    client = "10.77." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  @Test
  void aRejectionIsALetterWithItsReasonsTheLawAndTheWayToAppeal() throws Exception {
    String no = api.submit(Submission.lowIncome().applicant("name", "陳美玲")).body().get("applicationNo").asText();
    api.workTask("do-daan-clerk", no, REJECT, OPINION.of("申請人不具本市設籍資格"));
    api.workTask("do-daan-chief", no, APPROVE);
    api.workTask("do-daan-director", no, APPROVE, OPINION.of("如擬"));

    ResponseEntity<byte[]> letter = letterFromApi(no, ID_SUFFIX);
    assertThat(letter.getStatusCode().value()).isEqualTo(200);
    assertThat(letter.getHeaders().getContentType()).hasToString("application/pdf");
    byte[] pdf = letter.getBody();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = asRead(document);
      assertThat(text).contains("臺北市大安區公所 處分書", "陳美玲", "低收入戶資格審核", "歉難同意所請", "申請人不具本市設籍資格",
          "社會救助法第4條、第5條、第10條", "Social Assistance Act",
          "得自本處分書送達之次日起30日內", "向臺北市政府提起訴願", "within 30 days", "Taipei City Government");

      BufferedImage page = render(document, no);
      assertThat(inkAround(page, document, "陳美玲")).as("the applicant's name is drawn, not left blank").isGreaterThan(0.05);
      assertThat(fontsOf(document)).as("the Chinese font is embedded, as a subset of the glyphs used")
          .allSatisfy(font -> {
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
          });

      String scanned = qrCodeOn(document);
      var verdict = api.postJson("/api/receipts/verify", "{\"receipt\":\"" + scanned + "\"}", new HttpHeaders()).body();
      assertThat(verdict.get("valid").asBoolean()).as("the QR code is the case's current signed decision").isTrue();
      assertThat(verdict.get("kind").asText()).isEqualTo("DECISION");
      assertThat(verdict.get("decision").asText()).isEqualTo("REJECTED");
    }
  }

  @Test
  void theApplicantGetsTheLetterByMailAndOnTrackAndItIsTheOneInTheCaseFile() throws Exception {
    String email = "lin-" + UUID.randomUUID() + "@example.tw";
    Api.Response submitted = api.submit(Submission.householdTranscript().applicant("email", email));
    String no = submitted.body().get("applicationNo").asText();
    String link = submitted.body().get("trackingUrl").asText().replace("http://localhost:8080", "");
    assertThat(letterFromApi(no, ID_SUFFIX).getStatusCode().value()).as("nothing before the decision").isEqualTo(404);

    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", no, APPROVE);

    byte[] fromApi = letterFromApi(no, ID_SUFFIX).getBody();
    String sha256 = Sha256.of(fromApi);
    assertThat(get("/api/applications/" + no + "/timeline", String.class).getBody())
        .as("the timeline without the suffix answers nothing").doesNotContain(sha256);
    HttpHeaders suffix = fromClient();
    suffix.set("Applicant-Id-Suffix", ID_SUFFIX);
    var timeline = http.exchange("/api/applications/{no}/timeline", HttpMethod.GET, new HttpEntity<>(suffix),
        com.fasterxml.jackson.databind.JsonNode.class, no).getBody();
    assertThat(timeline.at("/decision/letterSha256").asText()).isEqualTo(sha256);
    try (PDDocument document = Loader.loadPDF(fromApi)) {
      assertThat(asRead(document)).contains("王小明", "准予所請", "戶籍法", "Household Registration Act",
          "臺北市大安區戶政事務所");
    }

    outbox.dispatch(Instant.now());
    var decisionMail = MailServer.to(email).stream()
        .filter(mail -> subjectOf(mail).contains("處分結果")).findFirst().orElseThrow();
    BodyPart attached = attachmentOf(decisionMail);
    assertThat(attached.getContentType()).startsWith("application/pdf");
    assertThat(Sha256.of(attached.getInputStream().readAllBytes())).as("the mailed letter is the stored one").isEqualTo(sha256);

    String page = get(link, String.class).getBody();
    assertThat(page).contains(link + "/decision-letter", sha256);
    ResponseEntity<byte[]> byLink = get(link + "/decision-letter", byte[].class);
    assertThat(byLink.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(byLink.getHeaders().getCacheControl()).contains("no-store");
    assertThat(Sha256.of(byLink.getBody())).isEqualTo(sha256);
  }

  @Test
  void theLetterGoesWithTheCasesFilesWhenItsRetentionEndsAndTheMailsRecordStays() {
    String email = "chen-" + UUID.randomUUID() + "@example.tw";
    String no = api.submit(Submission.householdTranscript().applicant("email", email)).body().get("applicationNo").asText();
    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", no, APPROVE);
    outbox.dispatch(Instant.now());
    // Decided six years ago: past the five years of caserouting.retention.
    jdbc.update("update application set decided_at = ? where application_no = ?",
        java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(6 * 365))), no);

    assertThat(retention.removeExpired()).isPositive();

    assertThat(letterFromApi(no, ID_SUFFIX).getStatusCode().value()).isEqualTo(404);
    assertThat(jdbc.queryForList("select attachment_sha256 from notification where application_no = ? and kind = 'DECISION'",
        String.class, no)).containsExactly((String) null);
  }

  @Test
  void aWrongIdSuffixOrLinkGetsNoLetter() {
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    api.workTask("hr-daan-clerk", no, APPROVE, OPINION.of("核發英文戶籍謄本"));
    api.workTask("hr-daan-chief", no, APPROVE);

    assertThat(letterFromApi(no, "0000").getStatusCode().value()).isEqualTo(404);
    assertThat(letterFromApi(no, null).getStatusCode().value()).isEqualTo(404);
    assertThat(http.withBasicAuth("hr-daan-clerk", "demo").exchange("/api/applications/{no}/decision-letter",
            HttpMethod.GET, new HttpEntity<>(fromClient()), String.class, no).getStatusCode().value())
        .as("staff read the letter in the case file, where the reading is logged").isEqualTo(404);
    assertThat(get("/track/t/" + "A".repeat(22) + "/decision-letter", String.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aCharacterTheFontLacksIsMarkedAndTheLetterIsStillMade() throws Exception {
    var letter = new DecisionLetter("2026-SW-999999", java.time.LocalDate.of(2026, 12, 1),
        new DecisionLetter.Party("臺北市大安區公所", "Da'an District Office"), "王\uD83D\uDE00明", "低收入戶資格審核",
        "Low-income household status", true, null, null, "社會救助法", "Social Assistance Act", AppealAuthority.CITY,
        "eyJhbGciOiJFUzI1NiJ9.e30.sig", "http://localhost:8080/track");

    byte[] pdf = LetterPdf.render(letter, font.font().orElseThrow());

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(asRead(document)).contains("王〓明", "經審查，本件申請符合法令規定", "中華民國115年12月1日");
    }
  }

  /** The letter's text as a reader reads it: a sentence goes on across the lines it is set in. */
  private static String asRead(PDDocument document) throws IOException {
    return new PDFTextStripper().getText(document).replaceAll("(?<=\\p{IsHan}|，|、)\\R(?=\\p{IsHan})", "")
        .replaceAll("\\R", " ");
  }

  private HttpHeaders fromClient() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", client);
    return headers;
  }

  private <T> ResponseEntity<T> get(String path, Class<T> type) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(fromClient()), type);
  }

  private ResponseEntity<byte[]> letterFromApi(String no, String idSuffix) {
    HttpHeaders headers = fromClient();
    if (idSuffix != null) {
      headers.set("Applicant-Id-Suffix", idSuffix);
    }
    return http.exchange("/api/applications/{no}/decision-letter", HttpMethod.GET, new HttpEntity<>(headers),
        byte[].class, no);
  }

  /** The first page as a reader sees it, at 150 dpi; kept under target/letters for a person to look at. */
  private static BufferedImage render(PDDocument document, String no) throws IOException {
    BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
    Path out = Path.of("target", "letters");
    Files.createDirectories(out);
    ImageIO.write(page, "png", out.resolve(no + ".png").toFile());
    return page;
  }

  /** The share of dark pixels in the box where the text says these characters are. */
  private static double inkAround(BufferedImage page, PDDocument document, String characters) throws IOException {
    List<TextPosition> positions = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
        int at = text.indexOf(characters);
        if (at >= 0 && positions.isEmpty()) {
          positions.addAll(textPositions.subList(at, at + characters.length()));
        }
      }
    };
    stripper.setEndPage(1);
    stripper.getText(document);
    assertThat(positions).as(characters + " is on the first page").isNotEmpty();
    double scale = 150 / 72.0;
    int left = (int) (positions.get(0).getXDirAdj() * scale);
    int right = (int) ((positions.get(positions.size() - 1).getXDirAdj() + positions.get(positions.size() - 1).getWidthDirAdj()) * scale);
    int bottom = (int) (positions.get(0).getYDirAdj() * scale);
    int top = (int) ((positions.get(0).getYDirAdj() - positions.get(0).getHeightDir()) * scale);
    long dark = 0;
    long all = 0;
    for (int x = left; x < right; x++) {
      for (int y = top; y <= bottom; y++) {
        all++;
        if ((page.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    return all == 0 ? 0 : (double) dark / all;
  }

  private static List<PDFontLike> fontsOf(PDDocument document) throws IOException {
    List<PDFontLike> fonts = new ArrayList<>();
    for (var page : document.getPages()) {
      for (var name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        fonts.add(font instanceof PDType0Font type0 ? (PDFontLike) type0.getDescendantFont() : font);
      }
    }
    assertThat(fonts).isNotEmpty();
    return fonts;
  }

  /**
   * The receipt's text as a phone reads it off the printed page: a scanner takes frame after frame
   * at varying distances until one reads, so the page is tried at a few resolutions.
   */
  private static String qrCodeOn(PDDocument document) throws Exception {
    ReaderException missed = null;
    for (int dpi : new int[] {150, 200, 300}) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, dpi, ImageType.RGB);
      try {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
      } catch (ReaderException e) {
        missed = e;
      }
    }
    throw missed;
  }

  private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BodyPart attachmentOf(jakarta.mail.internet.MimeMessage mail) throws Exception {
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        return parts.getBodyPart(i);
      }
    }
    throw new AssertionError("The decision mail has no attachment");
  }
}
