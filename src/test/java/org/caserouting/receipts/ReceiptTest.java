package org.caserouting.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/** Receipts and decisions another agency can verify without calling us, and cannot be forged. */
@CaseRouterTest
class ReceiptTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  private String decidedTranscript() {
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    CaseWork work = new CaseWork(engine, no);
    work.work("hr-daan-clerk", APPROVE, "核發");
    work.work("hr-daan-chief", APPROVE, null);
    return no;
  }

  private JsonNode verify(String receipt) {
    Api.Response response =
        api.anonymous().postJson("/api/receipts/verify", "{\"receipt\": \"" + receipt + "\"}", new HttpHeaders());
    assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void aDecisionIsSignedAndVerifiesWithoutLoggingIn() {
    String no = decidedTranscript();

    String receipt = api.get("/api/applications/" + no + "/receipt").body().get("receipt").asText();
    JsonNode verdict = verify(receipt);

    assertThat(verdict.get("valid").asBoolean()).isTrue();
    assertThat(verdict.get("kind").asText()).isEqualTo("DECISION");
    assertThat(verdict.get("decision").asText()).isEqualTo("APPROVED");
    assertThat(verdict.get("applicationNo").asText()).isEqualTo(no);
  }

  @Test
  void anotherAgencyVerifiesOfflineWithThePublishedKeysAlone() throws Exception {
    String no = decidedTranscript();
    String receipt = api.get("/api/applications/" + no + "/receipt").body().get("receipt").asText();

    String jwks = http.getForObject("/.well-known/jwks.json", String.class);
    JWKSet keys = JWKSet.parse(jwks);
    JWSObject jws = JWSObject.parse(receipt);
    ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());

    assertThat(key.isPrivate()).as("only public keys are published").isFalse();
    assertThat(jwks).doesNotContain("\"d\"");
    assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
    assertThat(jws.getPayload().toJSONObject()).containsEntry("applicationNo", no).containsEntry("decision", "APPROVED");
  }

  @Test
  void aTamperedReceiptDoesNotVerify() {
    String no = decidedTranscript();
    String receipt = api.get("/api/applications/" + no + "/receipt").body().get("receipt").asText();
    String[] parts = receipt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged = payload.replace("\"APPROVED\"", "\"REJECTED\"");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];

    JsonNode verdict = verify(tampered);

    assertThat(verdict.get("valid").asBoolean()).isFalse();
    assertThat(verdict.get("signatureValid").asBoolean()).isFalse();
    assertThat(verdict.get("applicationNo").isNull()).as("nothing of an unsigned token is read back").isTrue();
  }

  @Test
  void aForgedReceiptWithGarbageClaimsIsRefusedWithoutReadingThem() throws Exception {
    ECKey forger = new ECKeyGenerator(Curve.P_256).keyID("forger").generate();
    JWSObject garbage = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("forger").build(),
        new Payload("{\"applicationNo\": 42, \"contentHash\": [1, 2], \"kind\": {\"x\": null}}"));
    garbage.sign(new ECDSASigner(forger));
    JWSObject notJson = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("forger").build(),
        new Payload("\u0000 not json at all"));
    notJson.sign(new ECDSASigner(forger));

    for (String forged : new String[] {garbage.serialize(), notJson.serialize()}) {
      JsonNode verdict = verify(forged);
      assertThat(verdict.get("valid").asBoolean()).isFalse();
      assertThat(verdict.get("signatureValid").asBoolean()).isFalse();
    }
  }

  @Test
  void textThatIsNoReceiptAtAllIsABadRequest() {
    for (String text : new String[] {"not-a-receipt", "a.b.c", "eyJhbGciOiJub25lIn0.e30."}) {
      Api.Response response =
          api.anonymous().postJson("/api/receipts/verify", "{\"receipt\": \"" + text + "\"}", new HttpHeaders());
      assertThat(response.status()).as(text).isEqualTo(400);
      assertThat(response.body().get("type").asText()).isEqualTo("/problems/not-a-receipt");
    }
  }

  @Test
  void theSubmissionReceiptStillHoldsOnceTheCaseHasReachedItsFirstAgency() {
    Api.Response submitted = api.accept(Submission.householdTranscript(), "receipt-" + java.util.UUID.randomUUID());
    assertThat(submitted.body().get("status").asText()).isEqualTo("RECEIVED");
    String no = submitted.body().get("applicationNo").asText();
    String submissionReceipt = api.get("/api/applications/" + no + "/receipt").body().get("receipt").asText();

    new CaseWork(engine, no);

    assertThat(api.get("/api/applications/" + no).body().get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(verify(submissionReceipt).get("valid").asBoolean()).as("not superseded by its own start").isTrue();
  }

  @Test
  void theSubmissionReceiptSaysTheCaseHasMovedOn() {
    String no = api.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    String submissionReceipt = api.get("/api/applications/" + no + "/receipt").body().get("receipt").asText();
    assertThat(verify(submissionReceipt).get("valid").asBoolean()).isTrue();
    CaseWork work = new CaseWork(engine, no);
    work.work("hr-daan-clerk", APPROVE, "核發");
    work.work("hr-daan-chief", APPROVE, null);

    JsonNode verdict = verify(submissionReceipt);

    assertThat(verdict.get("signatureValid").asBoolean()).isTrue();
    assertThat(verdict.get("matchesCase").asBoolean()).isFalse();
    assertThat(verdict.get("message").asText()).contains("superseded");
    assertThat(verdict.toString()).as("what the case became is not told").doesNotContain("DECIDED", "APPROVED");
  }

  @Test
  void theQrCodeCarriesTheReceipt() throws Exception {
    String no = decidedTranscript();
    String receipt = api.get("/api/applications/" + no + "/receipt").body().get("receipt").asText();

    byte[] png =
        http.withBasicAuth("portal", "demo").getForObject("/api/applications/" + no + "/receipt.png", byte[].class);
    var image = ImageIO.read(new ByteArrayInputStream(png));
    String decoded =
        new MultiFormatReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE,
                    com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
            .getText();

    assertThat(decoded).isEqualTo(receipt);
  }
}
