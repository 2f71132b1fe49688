package org.caserouting.supplementation;

import java.util.Date;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;

/**
 * processes/supplementation.bpmn (補正), called by every review process: the applicant is told what
 * is missing and by when, the processing clock pauses, and either the supplement arrives and the
 * clerk checks it, or the deadline passes and the case is closed.
 */
public final class SupplementationProcess {

  public static final String KEY = "supplementation";

  /** Message the supplements endpoint correlates, by the application number as business key. */
  public static final String SUPPLEMENT_RECEIVED = "supplementReceived";

  public static final class Elements {
    public static final String REQUEST = "requestSupplement";
    public static final String WAIT = "waitForSupplement";
    public static final String RECEIVED = "supplementReceived";
    public static final String DEADLINE_PASSED = "supplementDeadlinePassed";
    public static final String CHECK = "checkSupplement";
    public static final String WITHDRAW = "withdrawForNoSupplement";
    public static final String SUPPLIED = "supplementAccepted";
    public static final String WITHDRAWN = "caseWithdrawn";

    private Elements() {}
  }

  public static final class Variables {
    /** In: the agency asking; its clerks check what arrives. */
    public static final Variable<String> AGENCY = Variable.text("supplementAgency");
    /** In: what is missing, as the applicant will read it. */
    public static final Variable<String> MISSING = Variable.text("missingDocuments");
    /** Set here: when the case closes if nothing arrives. */
    public static final Variable<Date> DEADLINE = Variable.date("supplementDeadline");
    /** Set by the endpoint: what arrived, one document per line. */
    public static final Variable<String> RECEIVED_SUMMARY = Variable.text("supplementReceivedSummary");
    /** Set by the contract: the clerk's check of what arrived, kept under the task's name. */
    public static final Variable<String> CHECK_OUTCOME = TaskOutcome.outcomeOf(Elements.CHECK);
    public static final Variable<String> CHECK_OPINION = TaskOutcome.opinionOf(Elements.CHECK);
    /** Out: the deadline passed and the case is closed. */
    public static final Variable<Boolean> WITHDRAWN = Variable.flag("withdrawn");

    private Variables() {}
  }

  private SupplementationProcess() {}
}
