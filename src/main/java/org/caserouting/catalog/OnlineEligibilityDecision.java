package org.caserouting.catalog;

import java.util.HashMap;
import java.util.Map;

/** The names of dmn/online-eligibility.dmn: its key, inputs and outputs. */
public final class OnlineEligibilityDecision {

  public static final String KEY = "onlineEligibility";

  public static final String ONLINE_ALLOWED = "onlineAllowed";
  public static final String GOV_DB_VERIFIABLE_COUNT = "govDbVerifiableCount";
  public static final String UPLOADABLE_COUNT = "uploadableCount";
  public static final String ORIGINAL_REQUIRED_COUNT = "originalRequiredCount";
  public static final String IN_PERSON_IDENTITY_COUNT = "inPersonIdentityCount";
  public static final String SITE_INSPECTION = "siteInspection";
  public static final String PHYSICAL_ITEM_REVIEW = "physicalItemReview";
  public static final String HOME_VISIT = "homeVisit";
  public static final String IN_PERSON_HEARING = "inPersonHearing";

  public static final String CHANNEL = "channel";
  public static final String REASON_CODE = "reasonCode";
  public static final String REASON = "reason";
  public static final String REASON_EN = "reasonEn";

  private OnlineEligibilityDecision() {}

  /** The decision's inputs for one application type. */
  public static Map<String, Object> inputsFor(CaseType type) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(ONLINE_ALLOWED, type.isOnlineAllowed());
    inputs.put(GOV_DB_VERIFIABLE_COUNT, (int) type.countDocuments(DocumentClass.GOV_DB_VERIFIABLE));
    inputs.put(UPLOADABLE_COUNT, (int) type.countDocuments(DocumentClass.UPLOADABLE));
    inputs.put(ORIGINAL_REQUIRED_COUNT, (int) type.countDocuments(DocumentClass.ORIGINAL_REQUIRED));
    inputs.put(IN_PERSON_IDENTITY_COUNT, (int) type.countDocuments(DocumentClass.IN_PERSON_IDENTITY));
    inputs.put(SITE_INSPECTION, type.has(Activity.SITE_INSPECTION));
    inputs.put(PHYSICAL_ITEM_REVIEW, type.has(Activity.PHYSICAL_ITEM_REVIEW));
    inputs.put(HOME_VISIT, type.has(Activity.HOME_VISIT));
    inputs.put(IN_PERSON_HEARING, type.has(Activity.IN_PERSON_HEARING));
    return inputs;
  }
}
