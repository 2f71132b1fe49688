package org.caserouting.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * One row of the table of application types: who receives it, who else must act, and how. The
 * catalog is small and read whole, so its lists load with the row.
 */
@Entity
@Table(name = "case_type")
public class CaseType {

  @Id
  private String code;

  @Column(name = "name_zh", nullable = false)
  private String nameZh;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Category category;

  /** The agency that receives it; null for a type received by rule ({@link #receivedBy}). */
  @Column(name = "receiving_agency")
  private String receivingAgency;

  @Enumerated(EnumType.STRING)
  @Column(name = "received_by")
  private ReceivedBy receivedBy;

  @Column(name = "needs_external_review", nullable = false)
  private boolean needsExternalReview;

  @Column(name = "needs_escalation", nullable = false)
  private boolean needsEscalation;

  @Column(name = "needs_joint_inspection", nullable = false)
  private boolean needsJointInspection;

  @Column(name = "online_allowed", nullable = false)
  private boolean onlineAllowed;

  @Column(name = "time_limit_days", nullable = false)
  private int timeLimitDays;

  @Column(name = "supplement_days", nullable = false)
  private int supplementDays;

  @Column(name = "co_review_days", nullable = false)
  private int coReviewDays;

  @Column(name = "co_review_grace_days", nullable = false)
  private int coReviewGraceDays;

  /** The Ministry of Finance's approval for this purpose (Tax Collection Act §33), if any. */
  @Column(name = "legal_basis_zh")
  private String legalBasisZh;

  @Column(name = "legal_basis_en")
  private String legalBasisEn;

  @Column(name = "tax_approval_ref")
  private String taxApprovalRef;

  /** The fields its application form asks, as JSON (see {@link ApplicationForm}). */
  @Column(name = "application_form")
  private String applicationForm;

  /** Who may file it, as names of {@link ApplicantKind} joined by commas. */
  @Column(name = "applicant_kinds")
  private String applicantKinds;

  /** Decided on the household's means (社會救助法 §4, §4-1): the first review is offered the means test. */
  @Column(name = "means_test", nullable = false)
  private boolean meansTest;

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SELECT)
  @CollectionTable(name = "case_type_co_review", joinColumns = @JoinColumn(name = "case_type_code"))
  @OrderColumn(name = "position")
  @Column(name = "agency_code")
  private List<String> coReviewAgencies = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SELECT)
  @CollectionTable(name = "case_type_escalation", joinColumns = @JoinColumn(name = "case_type_code"))
  @OrderColumn(name = "position")
  @Column(name = "agency_code")
  private List<String> escalationChain = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SELECT)
  @CollectionTable(name = "case_type_activity", joinColumns = @JoinColumn(name = "case_type_code"))
  @Enumerated(EnumType.STRING)
  @Column(name = "activity")
  private Set<Activity> activities = EnumSet.noneOf(Activity.class);

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SELECT)
  @CollectionTable(name = "case_type_document", joinColumns = @JoinColumn(name = "case_type_code"))
  @OrderColumn(name = "position")
  private List<RequiredDocument> requiredDocuments = new ArrayList<>();

  protected CaseType() {}

  public CaseType(String code) {
    this.code = code;
  }

  void update(CatalogFiles.CaseTypeRow row, List<RequiredDocument> documents) {
    nameZh = row.nameZh();
    nameEn = row.nameEn();
    category = row.category();
    receivingAgency = row.receivingAgency();
    receivedBy = row.receivedBy();
    needsExternalReview = row.needsExternalReview();
    needsEscalation = row.needsEscalation();
    needsJointInspection = row.needsJointInspection();
    onlineAllowed = row.onlineAllowed();
    timeLimitDays = row.timeLimitDays();
    supplementDays = row.supplementDays();
    coReviewDays = row.coReviewDays();
    coReviewGraceDays = row.coReviewGraceDays();
    taxApprovalRef = row.taxApprovalRef();
    legalBasisZh = row.legalBasis().zh();
    legalBasisEn = row.legalBasis().en();
    applicationForm = row.form().toJson();
    meansTest = row.meansTest();
    applicantKinds = row.applicantKinds().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    replace(coReviewAgencies, row.coReviewAgencies());
    replace(escalationChain, row.escalationChain());
    activities.clear();
    activities.addAll(row.activities());
    replace(requiredDocuments, documents);
  }

  public ReceivedBy getReceivedBy() {
    return receivedBy;
  }

  public List<ApplicantKind> getApplicantKinds() {
    if (applicantKinds == null || applicantKinds.isBlank()) {
      return CatalogFiles.CaseTypeRow.DEFAULT_APPLICANT_KINDS;
    }
    return java.util.Arrays.stream(applicantKinds.split(",")).map(ApplicantKind::valueOf).toList();
  }

  public ApplicationForm getApplicationForm() {
    return ApplicationForm.fromJson(applicationForm);
  }

  /** The law a decision of this type rests on, as its decision letter cites it. */
  public String getLegalBasisZh() {
    return legalBasisZh;
  }

  public String getLegalBasisEn() {
    return legalBasisEn;
  }

  private static <T> void replace(List<T> target, List<T> source) {
    target.clear();
    target.addAll(source);
  }

  public boolean has(Activity activity) {
    return activities.contains(activity);
  }

  /**
   * The activities a clerk arranges with the applicant (a field step): all of the type's, except a
   * site inspection the agencies already make together in the joint review.
   */
  public Set<Activity> fieldStepActivities() {
    Set<Activity> field = getActivities();
    if (needsJointInspection) {
      field.remove(Activity.SITE_INSPECTION);
    }
    return field;
  }

  public long countDocuments(DocumentClass documentClass) {
    return requiredDocuments.stream().filter(d -> d.getDocumentClass() == documentClass).count();
  }

  public String getCode() {
    return code;
  }

  public String getNameZh() {
    return nameZh;
  }

  public String getNameEn() {
    return nameEn;
  }

  public Category getCategory() {
    return category;
  }

  public String getReceivingAgency() {
    return receivingAgency;
  }

  public boolean isNeedsExternalReview() {
    return needsExternalReview;
  }

  public boolean isNeedsEscalation() {
    return needsEscalation;
  }

  public boolean isNeedsJointInspection() {
    return needsJointInspection;
  }

  public boolean isOnlineAllowed() {
    return onlineAllowed;
  }

  public int getTimeLimitDays() {
    return timeLimitDays;
  }

  public int getSupplementDays() {
    return supplementDays;
  }

  public int getCoReviewDays() {
    return coReviewDays;
  }

  public int getCoReviewGraceDays() {
    return coReviewGraceDays;
  }

  public String getTaxApprovalRef() {
    return taxApprovalRef;
  }

  public List<String> getCoReviewAgencies() {
    return List.copyOf(coReviewAgencies);
  }

  public List<String> getEscalationChain() {
    return List.copyOf(escalationChain);
  }

  public Set<Activity> getActivities() {
    return activities.isEmpty() ? EnumSet.noneOf(Activity.class) : EnumSet.copyOf(activities);
  }

  public List<RequiredDocument> getRequiredDocuments() {
    return List.copyOf(requiredDocuments);
  }
}
