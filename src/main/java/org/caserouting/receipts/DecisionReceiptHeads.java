package org.caserouting.receipts;

import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.caserouting.signoff.CertifiedHeads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-off chain's head as the case's latest decision receipt certified it. Only a receipt
 * whose signature verifies counts, so rewriting the stored receipt does not move the anchor.
 */
@Component
class DecisionReceiptHeads implements CertifiedHeads {

  private final ReceiptRepository receipts;
  private final ReceiptKeys keys;

  DecisionReceiptHeads(ReceiptRepository receipts, ReceiptKeys keys) {
    this.receipts = receipts;
    this.keys = keys;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Head> certified(String applicationNo) {
    return receipts.findFirstByApplicationNoAndKindOrderByIdDesc(applicationNo, Receipt.Kind.DECISION)
        .flatMap(receipt -> head(receipt.getJws()));
  }

  private Optional<Head> head(String compact) {
    try {
      JWSObject jws = JWSObject.parse(compact);
      if (!keys.signedByUs(jws)
          || !(jws.getPayload().toJSONObject().get(Receipts.SIGN_OFF_HEAD) instanceof Map<?, ?> head)
          || !(head.get("seq") instanceof Number seq) || !(head.get("hash") instanceof String hash)) {
        return Optional.empty();
      }
      return Optional.of(new Head(seq.intValue(), hash.isEmpty() ? null : hash));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }
}
