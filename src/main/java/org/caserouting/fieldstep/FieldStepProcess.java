package org.caserouting.fieldstep;

import java.util.Date;
import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.task.TaskOutcome;

/**
 * processes/field-step.bpmn (現場作業), called by the intake for an application that is online but
 * still needs someone on site or in person: the receiving agency's clerk arranges the visit,
 * hearing or review with the applicant, the case waits for the day, and the clerk records what
 * was found (or that it could not take place, and arranges it again) before any review decides.
 */
public final class FieldStepProcess {

  public static final String KEY = "field-step";

  public static final class Elements {
    public static final String STARTED = "fieldStepStarted";
    public static final String ARRANGE = "arrangeFieldStep";
    public static final String APPOINTMENT = "appointmentDay";
    public static final String RECORD = "recordFieldFindings";
    public static final String TOOK_PLACE = "tookPlace";
    public static final String DONE = "fieldStepDone";

    private Elements() {}
  }

  public static final class Variables {
    /** In: what the step is, as the clerk and the applicant read it. */
    public static final Variable<String> ACTIVITIES = CaseVariables.FIELD_STEP;
    /** From the arrangement form: when (a date and time), where, and what to tell the applicant. */
    public static final Variable<String> AT = Variable.text("appointmentAt");
    public static final Variable<String> PLACE = Variable.text("appointmentPlace");
    public static final Variable<String> NOTE = Variable.text("appointmentNote");
    /** Set here: the appointment, for the timer the case waits on. */
    public static final Variable<Date> DATE = Variable.date("appointmentDate");
    /** Out: what the clerk found, for every review form. */
    public static final Variable<String> FINDINGS = CaseVariables.FIELD_FINDINGS;
    /** Set by the contract: whether it took place (APPROVE) or is to be arranged again (RETURN). */
    public static final Variable<String> RECORD_OUTCOME = TaskOutcome.outcomeOf(Elements.RECORD);

    private Variables() {}
  }

  private FieldStepProcess() {}
}
