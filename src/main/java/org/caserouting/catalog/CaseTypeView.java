package org.caserouting.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * An application type as the city portal sees it, with the decisions' verdict on it and the JSON
 * Schema of its application data, from which the portal renders the form.
 */
public record CaseTypeView(
    String code,
    String nameZh,
    String nameEn,
    Category category,
    String receivingAgency,
    ReceivedBy receivedBy,
    boolean needsExternalReview,
    boolean needsEscalation,
    boolean needsJointInspection,
    boolean onlineAllowed,
    int timeLimitDays,
    int supplementDays,
    int coReviewDays,
    int coReviewGraceDays,
    List<String> coReviewAgencies,
    List<String> escalationChain,
    Set<Activity> activities,
    List<DocumentView> requiredDocuments,
    String legalBasisZh,
    String legalBasisEn,
    ObjectNode applicationSchema,
    List<ApplicantKind> applicantKinds,
    Channel channel,
    String reasonCode,
    String reason,
    String reasonEn,
    Route route) {

  public record DocumentView(String code, String nameZh, String nameEn, DocumentClass documentClass) {}

  static CaseTypeView of(CaseType type, Handling handling) {
    return new CaseTypeView(
        type.getCode(),
        type.getNameZh(),
        type.getNameEn(),
        type.getCategory(),
        type.getReceivingAgency(),
        type.getReceivedBy(),
        type.isNeedsExternalReview(),
        type.isNeedsEscalation(),
        type.isNeedsJointInspection(),
        type.isOnlineAllowed(),
        type.getTimeLimitDays(),
        type.getSupplementDays(),
        type.getCoReviewDays(),
        type.getCoReviewGraceDays(),
        type.getCoReviewAgencies(),
        type.getEscalationChain(),
        type.getActivities(),
        type.getRequiredDocuments().stream()
            .map(d -> new DocumentView(d.getCode(), d.getNameZh(), d.getNameEn(), d.getDocumentClass()))
            .toList(),
        type.getLegalBasisZh(),
        type.getLegalBasisEn(),
        type.getApplicationForm().schema(type.getCode(), type.getNameZh(), type.getNameEn()),
        type.getApplicantKinds(),
        handling.channel(),
        handling.reasonCode(),
        handling.reason(),
        handling.reasonEn(),
        handling.route());
  }
}
