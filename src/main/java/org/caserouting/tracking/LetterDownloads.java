package org.caserouting.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.caserouting.letters.DecisionLetters;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A case's decision letter as the applicant downloads it: a PDF to keep, never cached on the way. */
@Component
class LetterDownloads {

  private final DecisionLetters letters;

  LetterDownloads(DecisionLetters letters) {
    this.letters = letters;
  }

  /** The letter, once the case is decided and its letter made; nothing before. */
  Optional<ResponseEntity<byte[]>> pdf(String applicationNo) {
    return letters.of(applicationNo).flatMap(letter -> letters.content(letter).map(content -> ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(letter.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .eTag("\"" + letter.sha256() + "\"")
        .body(content)));
  }
}
