package org.caserouting.changes;

import java.util.Date;
import java.util.List;
import org.caserouting.catalog.District;
import org.caserouting.platform.Variable;

/**
 * processes/change-notification.bpmn: its key, element ids and variables. The business key is the
 * change number; personal data stays in change_report, the engine carries the agencies and answers.
 */
public final class ChangeNotificationProcess {

  public static final String KEY = "change-notification";

  /** The decision in dmn/change-propagation.dmn, and its inputs. */
  public static final String DECISION = "changePropagation";

  /** A {@link District}: the decision names the land office that keeps the address's district. */
  public static final String DECISION_DISTRICT = "district";

  public static final class Elements {
    public static final String NOTIFY_AGENCY = "notifyAgency";
    public static final String UPDATE_AUTOMATICALLY = "updateAutomatically";
    public static final String CONFIRM = "confirmChange";
    public static final String ANSWER_OVERDUE = "answerOverdue";
    public static final String COMPLETED = "changeCompleted";

    private Elements() {}
  }

  public static final class Variables {
    /** The change number, also the business key. */
    public static final Variable<String> CHANGE_NO = Variable.text("changeNo");
    /** The {@link ChangeType}. */
    public static final Variable<String> CHANGE_TYPE = Variable.text("changeType");
    /** Whose change it is, for the agencies' clerks to find their record (removed with the history). */
    public static final Variable<String> SUBJECT_NAME = Variable.text("subjectName");
    /** The person's national ID, the key of every agency's record. */
    public static final Variable<String> SUBJECT_NATIONAL_ID = Variable.text("subjectNationalId");
    /** What changed, as the counter clerk wrote it, for the agencies' clerks. */
    public static final Variable<String> DETAILS = Variable.text("changeDetails");
    /** The counter's agency. */
    public static final Variable<String> RECEIVING_AGENCY = Variable.text("receivingAgency");
    /** The agencies the citizen consented to, one notice each (multi-instance). */
    public static final Variable<List<String>> NOTICE_AGENCIES = Variable.texts("noticeAgencies");
    /** Per notice: the agency told. */
    public static final Variable<String> NOTICE_AGENCY = Variable.text("noticeAgency");
    /** Per notice: the agency takes the update through the gateway. */
    public static final Variable<Boolean> NOTICE_AUTOMATIC = Variable.flag("noticeAutomatic");
    /** Per notice: when the agency should have answered. */
    public static final Variable<Date> NOTICE_DUE = Variable.date("noticeDue");
    /** Per notice: after the grace, no answer is recorded and the case moves on. */
    public static final Variable<Date> NOTICE_GRACE_ENDS = Variable.date("noticeGraceEnds");

    private Variables() {}
  }

  /** The error the automatic update raises when the gateway gave up: the clerks take over. */
  public static final String UPDATE_FAILED = "AGENCY_UPDATE_FAILED";

  private ChangeNotificationProcess() {}
}
