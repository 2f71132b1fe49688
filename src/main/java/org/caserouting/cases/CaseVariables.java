package org.caserouting.cases;

/**
 * The variables every process of a case shares: the intake sets them, call activities pass them
 * down, the reviews' decisions come back up in them. Personal data beyond what a clerk's form shows
 * stays in our tables.
 */
public final class CaseVariables {

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
  /** String or null: the site's land-use zone, a {@link org.caserouting.cases.SiteZone}. */
  public static final String SITE_ZONE = "siteZone";
  /** String: the case type's category. */
  public static final String CATEGORY = "category";
  /** Boolean: the case type needs a joint site inspection (聯合會勘). */
  public static final String NEEDS_JOINT_INSPECTION = "needsJointInspection";
  /** Date: end of the processing time limit (處理時效). */
  public static final String DUE_DATE = "dueDate";
  /** String: the channel the eligibility decision gave. */
  public static final String CHANNEL = "channel";
  /** String: the route the routing decision gave. */
  public static final String ROUTE = "route";
  /** String: APPROVED or REJECTED, set by the route's sub-process. */
  public static final String DECISION = "decision";
  /** String: what the agencies answered, a line per query, for the clerks' forms. */
  public static final String VERIFICATION_SUMMARY = "verificationSummary";
  /** Boolean: the applicant did not supply missing documents in time; the case is closed. */
  public static final String WITHDRAWN = "withdrawn";
  /** String: the reasons and conditions of the decision, as the applicant will read them. */
  public static final String DECISION_REASON = "decisionReason";

  private CaseVariables() {}
}
