package org.caserouting.tracking;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.caserouting.tracking.LookupGuard.Lookup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/applications/{applicationNo}/timeline for the city portal, public like the /track page:
 * the last four characters of the applicant's national ID go in the {@value #ID_SUFFIX} header,
 * out of URLs and access logs.
 */
@RestController
class TimelineController {

  static final String ID_SUFFIX = "Applicant-Id-Suffix";

  private final Timelines timelines;
  private final LookupLimits limits;
  private final LetterDownloads letters;

  TimelineController(Timelines timelines, LookupLimits limits, LetterDownloads letters) {
    this.letters = letters;
    this.timelines = timelines;
    this.limits = limits;
  }

  @GetMapping("/api/applications/{applicationNo}/timeline")
  Timeline timeline(@PathVariable String applicationNo, @RequestHeader(name = ID_SUFFIX, required = false) String idSuffix,
      HttpServletRequest request) {
    return lookUp(applicationNo, idSuffix, request);
  }

  /** The decision letter (處分書) as PDF, for the same caller the timeline answers. */
  @GetMapping("/api/applications/{applicationNo}/decision-letter")
  @ApiResponse(responseCode = "200", description = "處分書 The decision letter",
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
  ResponseEntity<byte[]> decisionLetter(@PathVariable String applicationNo,
      @RequestHeader(name = ID_SUFFIX, required = false) String idSuffix, HttpServletRequest request) {
    Timeline timeline = lookUp(applicationNo, idSuffix, request);
    return letters.pdf(timeline.applicationNo()).orElseThrow(NoLetterYet::new);
  }

  private Timeline lookUp(String applicationNo, String idSuffix, HttpServletRequest request) {
    if (!limits.allow(request.getRemoteAddr())) {
      throw new TooManyLookups();
    }
    Lookup<Timeline> lookup = timelines.find(applicationNo, idSuffix);
    if (lookup instanceof Lookup.Wait<Timeline> wait) {
      throw new NumberWaits(wait.duration());
    }
    if (lookup instanceof Lookup.Found<Timeline> found) {
      return found.value();
    }
    throw new NoSuchApplication();
  }

  /** Too many wrong ID suffixes for this number: every suffix waits, the right one too. */
  static final class NumberWaits extends ApiProblem {
    private final java.time.Duration wait;

    NumberWaits(java.time.Duration wait) {
      super(HttpStatus.TOO_MANY_REQUESTS, "number-waits", "Too many wrong ID suffixes for this number",
          "此案號身分證末四碼錯誤次數過多，請於 " + Math.max(1, (wait.toSeconds() + 59) / 60) + " 分鐘後再試，或使用通知信中的專屬連結。"
              + " This number had too many wrong ID suffixes; try again in " + Math.max(1, (wait.toSeconds() + 59) / 60)
              + " minutes, or use the link in your mails, which always works.",
          Map.of());
      this.wait = wait;
    }

    @Override
    public java.util.Optional<java.time.Duration> retryAfter() {
      return java.util.Optional.of(wait);
    }
  }

  /** The same answer for a wrong number and a wrong ID: which one was wrong is not told. */
  static final class NoSuchApplication extends ApiProblem {
    NoSuchApplication() {
      super(HttpStatus.NOT_FOUND, "application-not-found", "Application not found",
          "No application has this number and national ID.", Map.of());
    }
  }

  static final class NoLetterYet extends ApiProblem {
    NoLetterYet() {
      super(HttpStatus.NOT_FOUND, "no-decision-letter", "No decision letter yet",
          "此案件尚無處分書 This application has no decision letter yet: it is not decided.", Map.of());
    }
  }

  static final class TooManyLookups extends ApiProblem {
    TooManyLookups() {
      super(HttpStatus.TOO_MANY_REQUESTS, "too-many-lookups", "Too many look-ups",
          "Too many look-ups from this address; try again in a minute.", Map.of());
    }
  }
}
