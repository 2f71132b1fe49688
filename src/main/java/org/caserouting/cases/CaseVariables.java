package org.caserouting.cases;

import java.util.Date;
import org.caserouting.platform.Variable;

/**
 * The variables every process of a case shares: the intake sets them, call activities pass them
 * down, the reviews' decisions come back up in them. Personal data beyond what a clerk's form shows
 * stays in our tables.
 */
public final class CaseVariables {

  /** The application number, also the business key. */
  public static final Variable<String> APPLICATION_NO = Variable.text("applicationNo");
  /** Catalog code of the application type. */
  public static final Variable<String> CASE_TYPE_CODE = Variable.text("caseTypeCode");
  /** The type's name, "zh-TW name / English name", for forms. */
  public static final Variable<String> CASE_TYPE_NAME = Variable.text("caseTypeName");
  /** Code of the agency that received the application and leads it. */
  public static final Variable<String> RECEIVING_AGENCY = Variable.text("receivingAgency");
  /** Optional: the site's land-use zone, a {@link org.caserouting.cases.SiteZone}. */
  public static final Variable<String> SITE_ZONE = Variable.text("siteZone");
  /** The case type's category. */
  public static final Variable<String> CATEGORY = Variable.text("category");
  /** The case type needs a joint site inspection (聯合會勘). */
  public static final Variable<Boolean> NEEDS_JOINT_INSPECTION = Variable.flag("needsJointInspection");
  /** End of the processing time limit (處理時效). */
  public static final Variable<Date> DUE_DATE = Variable.date("dueDate");
  /** The channel the eligibility decision gave. */
  public static final Variable<String> CHANNEL = Variable.text("channel");
  /** The route the routing decision gave. */
  public static final Variable<String> ROUTE = Variable.text("route");
  /** APPROVED or REJECTED, set by the route's sub-process. */
  public static final Variable<String> DECISION = Variable.text("decision");
  /** What the agencies answered, a line per query, for the clerks' forms. */
  public static final Variable<String> VERIFICATION_SUMMARY = Variable.text("verificationSummary");
  /** The applicant did not supply missing documents in time; the case is closed. */
  public static final Variable<Boolean> WITHDRAWN = Variable.flag("withdrawn");
  /** The reasons and conditions of the decision, as the applicant will read them. */
  public static final Variable<String> DECISION_REASON = Variable.text("decisionReason");

  /** What a field step is (a home visit, a hearing...), when the type needs one outside a joint inspection; else null. */
  public static final Variable<String> FIELD_STEP = Variable.text("fieldStepActivities");
  /** What the clerk found at the field step, for the reviews that follow. */
  public static final Variable<String> FIELD_FINDINGS = Variable.text("fieldFindings");

  private CaseVariables() {}
}
