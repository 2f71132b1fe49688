package org.caserouting.assistance;

import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseAccess;
import org.caserouting.platform.AgencyGroups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The means test of a case for staff: what the system proposes, with every figure's source, and the
 * clerk's adjustments, each with its written reason.
 */
@RestController
class MeansTestController {

  private final CaseMeansTest meansTest;
  private final MeansTestAdjusting adjusting;
  private final CaseAccess access;

  MeansTestController(CaseMeansTest meansTest, MeansTestAdjusting adjusting, CaseAccess access) {
    this.meansTest = meansTest;
    this.adjusting = adjusting;
    this.access = access;
  }

  /** The case's means test; the portal sees it as the applicant does ({@link CaseMeansTest#forApplicant}). */
  @GetMapping("/api/applications/{applicationNo}/means-test")
  CaseMeansTest.View view(@PathVariable String applicationNo, Authentication caller) {
    access.requireReadable(applicationNo, caller);
    CaseMeansTest.View view = meansTest.view(applicationNo).orElseThrow(() -> new NoMeansTest(applicationNo));
    return Caller.of(caller).groups().contains(AgencyGroups.PORTAL) ? CaseMeansTest.forApplicant(view) : view;
  }

  @PostMapping("/api/applications/{applicationNo}/means-test/adjustments")
  @ResponseStatus(HttpStatus.CREATED)
  CaseMeansTest.View adjust(@PathVariable String applicationNo, @RequestBody AdjustmentRequest request,
      Authentication caller) {
    access.requireReadable(applicationNo, caller);
    return adjusting.adjust(applicationNo, request, Caller.of(caller).userId());
  }
}
