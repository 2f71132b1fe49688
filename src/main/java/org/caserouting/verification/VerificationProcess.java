package org.caserouting.verification;

import java.util.List;
import java.util.Map;
import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.Variable;

/**
 * processes/agency-verification.bpmn, called by the intake before the review: each row of
 * dmn/verification-scope.dmn is one query to an agency; a query that cannot be made becomes a
 * clerk's manual verification (聯繫單). Returns the case's verification summary.
 */
public final class VerificationProcess {

  public static final String KEY = "agency-verification";

  /** The decision in dmn/verification-scope.dmn. */
  public static final String DECISION = "verificationScope";

  /** The BPMN error a query that cannot be made raises: the clerk verifies by hand instead. */
  public static final String FAILED = "VERIFICATION_FAILED";

  public static final class Elements {
    public static final String PLAN = "planVerifications";
    public static final String EACH = "verifyEach";
    public static final String QUERY = "queryAgency";
    public static final String QUERY_FAILED = "queryFailed";
    public static final String ASK_WHOM = "askWhom";
    public static final String ASK_BY_SLIP = "askBySlip";
    public static final String SLIP_ANSWERED = "slipAnswered";
    public static final String VERIFY_MANUALLY = "verifyManually";
    public static final String DONE = "verificationDone";

    private Elements() {}
  }

  public static final class Variables {
    /** The decision's rows: one query each. */
    public static final Variable<List<Map<String, Object>>> PLAN = Variable.rows("verificationPlan");
    /** Per query: the row being worked. */
    public static final Variable<Map<String, Object>> CHECK = Variable.row("check");
    /** Per query, an input of the query step (see the Modeler element template): the X-Road service asked. */
    public static final Variable<String> SERVICE = Variable.text("service");
    /** Per query: the fields asked for, and no more (least data). */
    public static final Variable<String> FIELDS = Variable.text("fields");
    /** Per query: whose data, a {@link Verification.Subject}. */
    public static final Variable<String> SUBJECT = Variable.text("subject");
    /** Per query: the legal purpose told to the agency and kept in the evidence. */
    public static final Variable<String> PURPOSE = Variable.text("purpose");
    /** Per query, optional: a case variable that also receives the answer, for a later step to read. */
    public static final Variable<String> RESULT_VARIABLE = Variable.text("resultVariable");
    /** Per query, set by the engine: the query's position in the plan. */
    public static final Variable<Integer> LOOP_COUNTER = Variable.number("loopCounter");
    /** Why the last query could not be made, for the clerk who verifies by hand. */
    public static final Variable<String> PROBLEM = Variable.text("verificationProblem");
    /**
     * Set when an agency on this system could not answer online: a contact slip to its clerks
     * (the agency, who asks, and the question), mapped into {@link ContactSlipProcess}; the
     * agency is null when the receiving agency's clerk verifies by hand instead.
     */
    public static final Variable<String> SLIP_AGENCY = Variable.text("contactSlipAgency");
    public static final Variable<String> SLIP_ASKER = Variable.text("contactSlipAsker");
    public static final Variable<String> SLIP_ASKER_NAME = Variable.text("contactSlipAskerName");
    public static final Variable<String> SLIP_SERVICE = Variable.text("contactSlipService");
    public static final Variable<String> SLIP_FIELDS = Variable.text("contactSlipFields");
    public static final Variable<String> SLIP_QUESTION = Variable.text("contactSlipQuestion");
    public static final Variable<String> SLIP_PURPOSE = Variable.text("contactSlipPurpose");
    public static final Variable<String> SLIP_SUBJECT = Variable.text("contactSlipSubject");
    /** Out of the contact slip: its answer as a summary line. */
    public static final Variable<String> SLIP_LINE = ContactSlipProcess.Variables.LINE;
    /** Out: one line per query or manual verification. */
    public static final Variable<String> SUMMARY = CaseVariables.VERIFICATION_SUMMARY;
    /** The clerk's manual verification: what the agency answered, and the reference of its letter. */
    public static final Variable<String> MANUAL_ANSWER = Variable.text("manualAnswer");
    public static final Variable<String> MANUAL_REFERENCE = Variable.text("manualReference");

    private Variables() {}
  }

  private VerificationProcess() {}
}
