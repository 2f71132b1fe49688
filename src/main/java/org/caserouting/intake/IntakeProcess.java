package org.caserouting.intake;

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

  /** Process variables. Personal data beyond what a clerk's form shows stays in our tables. */
  public static final class Variables {
    /** String: the application number, also the business key. */
    public static final String APPLICATION_NO = "applicationNo";
    /** String: catalog code of the application type. */
    public static final String CASE_TYPE_CODE = "caseTypeCode";
    /** String: "zh-TW name / English name" of the type, for forms. */
    public static final String CASE_TYPE_NAME = "caseTypeName";
    /** String: code of the agency that received the application and leads it. */
    public static final String RECEIVING_AGENCY = "receivingAgency";
    /** String: the applicant's name, shown to the clerks who review. */
    public static final String APPLICANT_NAME = "applicantName";
    /** String: the submitted documents, one per line, shown to the clerks who review. */
    public static final String DOCUMENTS_SUMMARY = "documentsSummary";
    /** String or null: the address of the site the application concerns. */
    public static final String SITE_ADDRESS = "siteAddress";
    /** String or null: the site's land-use zone, a {@link org.caserouting.intake.SiteZone}. */
    public static final String SITE_ZONE = "siteZone";
    /** String: the case type's category. */
    public static final String CATEGORY = "category";
    /** Boolean: the case type needs a joint site inspection (聯合會勘). */
    public static final String NEEDS_JOINT_INSPECTION = "needsJointInspection";
    /** Date: end of the processing time limit (處理時效). */
    public static final String DUE_DATE = "dueDate";
    /** Map (JSON): the online-eligibility decision's single result. */
    public static final String ELIGIBILITY = "eligibility";
    /** String: the channel the eligibility decision gave. */
    public static final String CHANNEL = "channel";
    /** String: the route the routing decision gave. */
    public static final String ROUTE = "route";
    /** String: APPROVED or REJECTED, set by the route's sub-process. */
    public static final String DECISION = "decision";
    /** Boolean: ask other agencies for what they hold before the review (off when configured so). */
    public static final String VERIFICATION_ENABLED = "verificationEnabled";
    /** String: what the agencies answered, a line per query, for the clerks' forms. */
    public static final String VERIFICATION_SUMMARY = "verificationSummary";
    /** Boolean: the applicant did not supply missing documents in time; the case is closed. */
    public static final String WITHDRAWN = "withdrawn";
    /** String: the reasons and conditions of the decision, as the applicant will read them. */
    public static final String DECISION_REASON = "decisionReason";

    private Variables() {}
  }

  private IntakeProcess() {}
}
