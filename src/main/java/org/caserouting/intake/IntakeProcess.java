package org.caserouting.intake;

import java.util.Map;
import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.Variable;

/**
 * processes/case-intake.bpmn: its key, element ids and variables. The business key is the
 * application number; call activities pass it down, so every task of a case is found by it.
 */
public final class IntakeProcess {

  public static final String KEY = "case-intake";

  public static final class Elements {
    public static final String SUBMITTED = "applicationSubmitted";
    public static final String DECIDE_ONLINE_ELIGIBILITY = "decideOnlineEligibility";
    public static final String DECIDE_ROUTE = "decideRoute";
    public static final String RECORD_HANDLING = "recordHandling";
    public static final String VERIFY = "verifyWithAgencies";
    public static final String FIELD_STEP_FIRST = "fieldStepFirst";
    public static final String FIELD_STEP = "doFieldStep";
    public static final String ROUTE_CASE = "routeCase";
    public static final String HANDLE_BY_RECEIVING_AGENCY = "handleByReceivingAgency";
    public static final String HANDLE_BY_ESCALATION = "handleByEscalation";
    public static final String HANDLE_BY_JOINT_REVIEW = "handleByJointReview";
    public static final String THEN_ESCALATE = "thenEscalate";
    public static final String WAS_WITHDRAWN = "wasWithdrawn";
    public static final String WITHDRAWN = "applicationWithdrawn";
    public static final String RECORD_DECISION = "recordDecision";
    public static final String NOTIFY_APPLICANT = "notifyApplicantOfDecision";
    public static final String DECIDED = "applicationDecided";

    private Elements() {}
  }

  /** Variables of the intake alone; those every case process shares are {@link CaseVariables}. */
  public static final class Variables {
    /** Map (JSON): the online-eligibility decision's single result. */
    public static final Variable<Map<String, Object>> ELIGIBILITY = Variable.row("eligibility");
    /** Ask other agencies for what they hold before the review (off when configured so). */
    public static final Variable<Boolean> VERIFICATION_ENABLED = Variable.flag("verificationEnabled");

    private Variables() {}
  }

  private IntakeProcess() {}
}
