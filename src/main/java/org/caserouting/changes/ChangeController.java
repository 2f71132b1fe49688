package org.caserouting.changes;

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
