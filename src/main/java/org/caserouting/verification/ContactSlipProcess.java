package org.caserouting.verification;

import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.ConfinedProcesses;

/**
 * processes/contact-slip.bpmn (聯繫單), called by the verification when a source agency that works
 * on this system could not answer online: its clerks answer one question from their own records.
 * The process carries the question and the identifying data only (a {@link ConfinedProcesses
 * confined process}), and the answer joins the case's evidence chain.
 */
public final class ContactSlipProcess {

  public static final String KEY = ConfinedProcesses.CONTACT_SLIP;

  public static final class Elements {
    public static final String SENT = "slipSent";
    public static final String ANSWER = "answerContactSlip";
    public static final String RETURNED = "slipReturned";

    private Elements() {}
  }

  /** All in, mapped by name from the verification's slip variables, except the answer and its line. */
  public static final class Variables {
    public static final Variable<String> APPLICATION_NO = CaseVariables.APPLICATION_NO;
    /** The agency whose clerks answer. */
    public static final Variable<String> SOURCE_AGENCY = Variable.text("sourceAgency");
    /** The agency that asks, by code and by name. */
    public static final Variable<String> REQUESTING_AGENCY = Variable.text("requestingAgency");
    public static final Variable<String> REQUESTING_AGENCY_NAME = Variable.text("requestingAgencyName");
    /** The service and fields the online query asked, for the evidence. */
    public static final Variable<String> SERVICE = Variable.text("slipService");
    public static final Variable<String> FIELDS = Variable.text("slipFields");
    /** What is asked, in words, and why. */
    public static final Variable<String> QUESTION = Variable.text("slipQuestion");
    public static final Variable<String> PURPOSE = Variable.text("slipPurpose");
    /** Whose records: name and ID, or the parcel, as the question needs. */
    public static final Variable<String> SUBJECT = Variable.text("slipSubject");
    /** From the form: what the records show, and the reply's reference. */
    public static final Variable<String> ANSWER = Variable.text("slipAnswer");
    public static final Variable<String> REFERENCE = Variable.text("slipReference");
    /** Out: the answer as a line of the case's verification summary. */
    public static final Variable<String> LINE = Variable.text("contactSlipLine");

    private Variables() {}
  }

  private ContactSlipProcess() {}
}
