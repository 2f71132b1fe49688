package org.caserouting.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationStatus;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.Sha256;
import org.caserouting.signoff.CertifiedHeads.Head;
import org.caserouting.signoff.SignOffChain;
import org.springframework.http.HttpStatus;
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

  /** The claim a decision carries: how many sign-offs it was decided on, and the last one's hash. */
  static final String SIGN_OFF_HEAD = "signOffHead";

  private final ReceiptKeys keys;
  private final ReceiptRepository receipts;
  private final ApplicationRepository applications;
  private final SignOffChain signOffs;
  private final Clock clock;

  Receipts(ReceiptKeys keys, ReceiptRepository receipts, ApplicationRepository applications, SignOffChain signOffs,
      Clock clock) {
    this.clock = clock;
    this.keys = keys;
    this.receipts = receipts;
    this.applications = applications;
    this.signOffs = signOffs;
  }

  @Transactional
  public Receipt issue(Application application, Receipt.Kind kind) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
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
    if (kind == Receipt.Kind.DECISION) {
      // The chain's head as decided: removing the last sign-offs afterwards no longer goes unseen.
      Head head = signOffs.head(application.getApplicationNo()).orElse(new Head(0, null));
      payload.put(SIGN_OFF_HEAD, Map.of("seq", head.seq(), "hash", head.hash() == null ? "" : head.hash()));
    }
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

  /**
   * Checks a receipt: its signature first, against our keys, current and retired, before anything
   * it says is read; then whether the case is still in the state it certifies. A receipt the case
   * has moved on from is superseded, and nothing is told of what the case became since.
   *
   * @throws NotAReceipt when the text is not a receipt at all (400)
   */
  @Transactional(readOnly = true)
  public Verdict verify(String compact) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(compact == null ? "" : compact.strip());
    } catch (ParseException e) {
      throw new NotAReceipt("it is not a compact JWS");
    }
    if (!keys.signedByUs(jws)) {
      return new Verdict(false, false, false, null, null, null, null,
          "The signature does not verify with the city's published keys: this receipt was not issued by us or was altered.");
    }
    Map<String, Object> claims = jws.getPayload().toJSONObject();
    String applicationNo = text(claims, "applicationNo");
    String contentHash = text(claims, "contentHash");
    if (applicationNo == null || contentHash == null) {
      throw new NotAReceipt("it is signed, but says nothing a receipt says");
    }
    if (claims.get(SIGN_OFF_HEAD) != null && !signOffs.verify(applicationNo).intact()) {
      return new Verdict(false, true, false, applicationNo, text(claims, "kind"), text(claims, "decision"),
          text(claims, "issuedAt"),
          "Genuine, but the sign-offs it was decided on have since been altered or removed from our records."
              + " Do not rely on it; report it to the issuing agency.");
    }
    boolean current = applications.findByApplicationNo(applicationNo).map(a -> contentHash(a).equals(contentHash))
        .orElse(false);
    return new Verdict(current, true, current, applicationNo, text(claims, "kind"), text(claims, "decision"),
        text(claims, "issuedAt"),
        current
            ? "Genuine, and the application is still in the state it certifies."
            : "Genuine, but superseded: the application has moved on since this was issued. Ask the applicant for"
                + " the current receipt.");
  }

  /** A claim that is text, or null when it is missing or something else. */
  private static String text(Map<String, Object> claims, String name) {
    return claims != null && claims.get(name) instanceof String value ? value : null;
  }

  /** Text sent for checking that is not a receipt: a client's mistake, answered 400. */
  public static final class NotAReceipt extends ApiProblem {
    NotAReceipt(String why) {
      super(HttpStatus.BAD_REQUEST, "not-a-receipt", "Not a receipt",
          "這不是本府的收據 This is not a receipt of the city's: " + why + ".",
          Map.of("errors", java.util.List.of(new InvalidField("receipt", "is not a receipt of the city's: " + why))));
    }
  }

  /**
   * What a receipt certifies, as a fingerprint: the case's identity, state and decision. A case
   * that has only started on its way to its first agency (RECEIVED to IN_REVIEW, a moment after
   * the answer) is in the state its submission receipt certifies.
   */
  static String contentHash(Application application) {
    ApplicationStatus status = application.getStatus() == ApplicationStatus.RECEIVED
        ? ApplicationStatus.IN_REVIEW : application.getStatus();
    return Sha256.ofFields(
        "receipt-content/v1", application.getApplicationNo(), application.getCaseTypeCode(),
        application.getReceivingAgency(), status, application.getDecision(), application.getDecisionReason());
  }
}
