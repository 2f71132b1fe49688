package org.caserouting.changes;

/**
 * processes/change-notification.bpmn: its key, element ids and variables. The business key is the
 * change number; personal data stays in change_report, the engine carries the agencies and answers.
 */
public final class ChangeNotificationProcess {

  public static final String KEY = "change-notification";

  /** The decision in dmn/change-propagation.dmn. */
  public static final String DECISION = "changePropagation";

  public static final class Elements {
    public static final String NOTIFY_AGENCY = "notifyAgency";
    public static final String UPDATE_AUTOMATICALLY = "updateAutomatically";
    public static final String CONFIRM = "confirmChange";
    public static final String ANSWER_OVERDUE = "answerOverdue";
    public static final String COMPLETED = "changeCompleted";

    private Elements() {}
  }

  public static final class Variables {
    /** String: the change number, also the business key. */
    public static final String CHANGE_NO = "changeNo";
    /** String: the {@link ChangeType}. */
    public static final String CHANGE_TYPE = "changeType";
    /** String: whose change it is, for the agencies' clerks to find their record (removed with the history). */
    public static final String SUBJECT_NAME = "subjectName";
    /** String: the person's national ID, the key of every agency's record. */
    public static final String SUBJECT_NATIONAL_ID = "subjectNationalId";
    /** String: what changed, as the counter clerk wrote it, for the agencies' clerks. */
    public static final String DETAILS = "changeDetails";
    /** String: the counter's agency. */
    public static final String RECEIVING_AGENCY = "receivingAgency";
    /** List of String: the agencies the citizen consented to, one notice each (multi-instance). */
    public static final String NOTICE_AGENCIES = "noticeAgencies";
    /** String, per notice: the agency told. */
    public static final String NOTICE_AGENCY = "noticeAgency";
    /** Boolean, per notice: the agency takes the update through the gateway. */
    public static final String NOTICE_AUTOMATIC = "noticeAutomatic";
    /** Date, per notice: when the agency should have answered. */
    public static final String NOTICE_DUE = "noticeDue";
    /** Date, per notice: after the grace, no answer is recorded and the case moves on. */
    public static final String NOTICE_GRACE_ENDS = "noticeGraceEnds";

    private Variables() {}
  }

  /** The error the automatic update raises when the gateway gave up: the clerks take over. */
  public static final String UPDATE_FAILED = "AGENCY_UPDATE_FAILED";

  private ChangeNotificationProcess() {}
}
