package org.caserouting.changes;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.caserouting.cases.Caller;
import org.caserouting.platform.IdempotentSubmission;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The counter's side of N-in-1: report a change, and see where each agency's answer stands. */
@RestController
@RequestMapping("/api/changes")
class ChangeController {

  private final ChangeReporting changes;

  ChangeController(ChangeReporting changes) {
    this.changes = changes;
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "受理 Accepted")
  @ApiResponse(responseCode = "200", description = "同一 Idempotency-Key 重送：第一次的答覆 A resend with the same key: the first answer")
  ResponseEntity<ChangeView> report(
      @Valid @RequestBody ReportChangeRequest request,
      @RequestHeader(name = IdempotentSubmission.KEY_HEADER, required = false) String idempotencyKey,
      Authentication caller) {
    return changes.report(request, idempotencyKey, Caller.of(caller)).created();
  }

  @GetMapping("/{changeNo}")
  ChangeView find(@PathVariable String changeNo, Authentication caller) {
    return changes.findFor(changeNo, Caller.of(caller));
  }
}
