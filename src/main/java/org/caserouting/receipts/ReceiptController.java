package org.caserouting.receipts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.caserouting.cases.ApplicationNotFound;
import org.caserouting.cases.CaseAccess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReceiptController {

  record ReceiptView(String applicationNo, Receipt.Kind kind, Instant issuedAt, String receipt) {}

  record VerifyRequest(@NotBlank @Size(max = 4000) String receipt) {}

  private final Receipts receipts;
  private final ReceiptKeys keys;
  private final CaseAccess access;

  ReceiptController(Receipts receipts, ReceiptKeys keys, CaseAccess access) {
    this.receipts = receipts;
    this.keys = keys;
    this.access = access;
  }

  /** Our public keys, for verifying receipts offline. */
  @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> jwks() {
    return keys.publicKeys().toJSONObject(true);
  }

  @GetMapping("/api/applications/{applicationNo}/receipt")
  ReceiptView receipt(@PathVariable String applicationNo, Authentication caller) {
    Receipt receipt = latest(applicationNo, caller);
    return new ReceiptView(applicationNo, receipt.getKind(), receipt.getIssuedAt(), receipt.getJws());
  }

  /** The latest receipt as a QR code, for paper and screens. */
  @GetMapping(value = "/api/applications/{applicationNo}/receipt.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> qr(@PathVariable String applicationNo, Authentication caller) {
    Receipt receipt = latest(applicationNo, caller);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(receipt.getJws(), 640));
  }

  /** Anyone may check a receipt: no login. */
  @PostMapping("/api/receipts/verify")
  Receipts.Verdict verify(@Valid @RequestBody VerifyRequest request) {
    return receipts.verify(request.receipt());
  }

  private Receipt latest(String applicationNo, Authentication caller) {
    access.requireReadable(applicationNo, caller);
    return receipts.latest(applicationNo)
        .orElseThrow(() -> new ApplicationNotFound(applicationNo));
  }
}
