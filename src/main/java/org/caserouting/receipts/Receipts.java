package org.caserouting.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.intake.Application;
import org.caserouting.intake.ApplicationRepository;
import org.caserouting.platform.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues signed receipts (on submission) and decisions (when decided) as compact JWS (ES256), and
 * verifies them: the signature against our published keys, and the content against the case's
 * current state, so a receipt for a state the case has left says so.
 */
@Service
public class Receipts {

  /** What a check of a receipt found. */
  public record Verdict(
      boolean valid, boolean signatureValid, boolean matchesCase, String applicationNo, String kind,
      String decision, String issuedAt, String message) {}

  static final JOSEObjectType TYPE = new JOSEObjectType("caserouting-receipt+jws");

  private final ReceiptKeys keys;
  private final ReceiptRepository receipts;
  private final ApplicationRepository applications;

  Receipts(ReceiptKeys keys, ReceiptRepository receipts, ApplicationRepository applications) {
    this.keys = keys;
    this.receipts = receipts;
    this.applications = applications;
  }

  @Transactional
  public Receipt issue(Application application, Receipt.Kind kind) {
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    String contentHash = contentHash(application);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("applicationNo", application.getApplicationNo());
    payload.put("caseTypeCode", application.getCaseTypeCode());
    payload.put("kind", kind.name());
    payload.put("status", application.getStatus().name());
    payload.put("decision", application.getDecision() == null ? null : application.getDecision().name());
    payload.put("issuedAt", now.toString());
    payload.put("issuingAgency", application.getReceivingAgency());
    payload.put("contentHash", contentHash);
    ECKey key = keys.signingKey();
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(), new Payload(payload));
      jws.sign(new ECDSASigner(key));
      return receipts.save(new Receipt(application.getApplicationNo(), kind, now, contentHash, jws.serialize()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign the receipt", e);
    }
  }

  @Transactional(readOnly = true)
  public Optional<Receipt> latest(String applicationNo) {
    return receipts.findFirstByApplicationNoOrderByIdDesc(applicationNo);
  }

  @Transactional(readOnly = true)
  public Verdict verify(String compact) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(compact == null ? "" : compact.strip());
    } catch (ParseException e) {
      return new Verdict(false, false, false, null, null, null, null, "Not a receipt: not a compact JWS.");
    }
    JWK key = keys.publicKeys().getKeyByKeyId(jws.getHeader().getKeyID());
    boolean signed;
    try {
      signed = key instanceof ECKey ec && JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
          && jws.verify(new ECDSAVerifier(ec.toECPublicKey()));
    } catch (JOSEException e) {
      signed = false;
    }
    Map<String, Object> payload = jws.getPayload().toJSONObject();
    String applicationNo = payload == null ? null : (String) payload.get("applicationNo");
    if (!signed || applicationNo == null) {
      return new Verdict(false, false, false, applicationNo, null, null, null,
          "The signature does not verify with the city's published keys: this receipt was not issued by us or was altered.");
    }
    Optional<Application> application = applications.findByApplicationNo(applicationNo);
    boolean current = application.map(a -> contentHash(a).equals(payload.get("contentHash"))).orElse(false);
    String message =
        current
            ? "Genuine, and the application is still in the state it certifies."
            : "Genuine, but the application has changed since it was issued"
                + application.map(a -> ": it is now " + a.getStatus() + (a.getDecision() == null ? "" : " (" + a.getDecision() + ")"))
                    .orElse("") + ". Ask for the current receipt.";
    return new Verdict(current, true, current, applicationNo, (String) payload.get("kind"),
        (String) payload.get("decision"), (String) payload.get("issuedAt"), message);
  }

  /** What a receipt certifies, as a fingerprint: the case's identity, state and decision. */
  static String contentHash(Application application) {
    return Sha256.ofFields(
        "receipt-content/v1", application.getApplicationNo(), application.getCaseTypeCode(),
        application.getReceivingAgency(), application.getStatus(), application.getDecision(),
        application.getDecisionReason());
  }
}
