package org.caserouting.changes;

import jakarta.validation.Valid;
import org.caserouting.cases.Caller;
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

/** The counter's side of N-in-1: report a change, and see where each agency's answer stands. */
@RestController
@RequestMapping("/api/changes")
class ChangeController {

  private final ChangeNotifications changes;

  ChangeController(ChangeNotifications changes) {
    this.changes = changes;
  }

  @PostMapping
  ResponseEntity<ChangeView> report(
      @Valid @RequestBody ReportChangeRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Authentication caller) {
    ChangeNotifications.Reported reported = changes.report(request, idempotencyKey, Caller.of(caller));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{changeNo}")
            .buildAndExpand(reported.change().changeNo()).toUri())
        .header("Idempotent-Replayed", Boolean.toString(reported.replayed()))
        .body(reported.change());
  }

  @GetMapping("/{changeNo}")
  ChangeView find(@PathVariable String changeNo, Authentication caller) {
    return changes.findFor(changeNo, Caller.of(caller));
  }
}
