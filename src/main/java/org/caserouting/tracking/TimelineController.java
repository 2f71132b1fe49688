package org.caserouting.tracking;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;
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

  TimelineController(Timelines timelines, LookupLimits limits) {
    this.timelines = timelines;
    this.limits = limits;
  }

  @GetMapping("/api/applications/{applicationNo}/timeline")
  Timeline timeline(@PathVariable String applicationNo, @RequestHeader(name = ID_SUFFIX, required = false) String idSuffix,
      HttpServletRequest request) {
    if (!limits.allow(request.getRemoteAddr())) {
      throw new TooManyLookups();
    }
    return timelines.find(applicationNo, idSuffix).orElseThrow(NoSuchApplication::new);
  }

  /** The same answer for a wrong number and a wrong ID: which one was wrong is not told. */
  static final class NoSuchApplication extends ApiProblem {
    NoSuchApplication() {
      super(HttpStatus.NOT_FOUND, "application-not-found", "Application not found",
          "No application has this number and national ID.", Map.of());
    }
  }

  static final class TooManyLookups extends ApiProblem {
    TooManyLookups() {
      super(HttpStatus.TOO_MANY_REQUESTS, "too-many-lookups", "Too many look-ups",
          "Too many look-ups from this address; try again in a minute.", Map.of());
    }
  }
}
