package org.caserouting.intake;

import jakarta.validation.Valid;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.ApplicationViews;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseAccess;
import org.caserouting.cases.SubmitApplicationRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/applications")
class ApplicationController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private final IntakeService intake;
  private final ApplicationViews views;
  private final CaseAccess access;

  ApplicationController(IntakeService intake, ApplicationViews views, CaseAccess access) {
    this.intake = intake;
    this.views = views;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<ApplicationView> submit(
      @Valid @RequestBody SubmitApplicationRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Authentication caller) {
    IntakeService.Submission submission =
        intake.submit(
            request,
            idempotencyKey,
            Caller.of(caller));
    ApplicationView application = submission.application();
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(
            ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{applicationNo}")
                .buildAndExpand(application.applicationNo())
                .toUri())
        .header(REPLAYED, Boolean.toString(submission.replayed()))
        .body(application);
  }

  @GetMapping("/{applicationNo}")
  ApplicationView get(@PathVariable String applicationNo, Authentication caller) {
    access.requireReadable(applicationNo, caller);
    return views.find(applicationNo);
  }
}
