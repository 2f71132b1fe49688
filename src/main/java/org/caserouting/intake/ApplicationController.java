package org.caserouting.intake;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.ApplicationViews;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseAccess;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.documents.Upload;
import org.caserouting.platform.IdempotentSubmission;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
@RequestMapping("/api/applications")
class ApplicationController {

  private static final String APPLICATION_PART = "application";

  private final IntakeService intake;
  private final ApplicationViews views;
  private final CaseAccess access;

  ApplicationController(IntakeService intake, ApplicationViews views, CaseAccess access) {
    this.intake = intake;
    this.views = views;
    this.access = access;
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "受理 Accepted")
  @ApiResponse(responseCode = "200", description = "同一 Idempotency-Key 重送：第一次的答覆 A resend with the same key: the first answer")
  ResponseEntity<ApplicationView> submit(
      @Valid @RequestBody SubmitApplicationRequest request,
      @RequestHeader(name = IdempotentSubmission.KEY_HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    return intake.submit(request, idempotencyKey, Caller.of(caller)).created();
  }

  /**
   * The application with the applicant's files: a part "application" holding the JSON above, and
   * one part per file, named by the code of the required document it answers.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ApiResponse(responseCode = "201", description = "受理 Accepted")
  @ApiResponse(responseCode = "200", description = "同一 Idempotency-Key 重送：第一次的答覆 A resend with the same key: the first answer")
  ResponseEntity<ApplicationView> submitWithFiles(
      @Valid @RequestPart(APPLICATION_PART) SubmitApplicationRequest request,
      MultipartHttpServletRequest multipart,
      @RequestHeader(name = IdempotentSubmission.KEY_HEADER, required = false) String idempotencyKey,
      Authentication caller) throws IOException {
    return intake.submit(request, Upload.of(multipart, APPLICATION_PART), idempotencyKey, Caller.of(caller)).created();
  }

  @GetMapping("/{applicationNo}")
  ApplicationView get(@PathVariable String applicationNo, Authentication caller) {
    access.requireReadable(applicationNo, caller);
    return views.find(applicationNo);
  }
}
