package org.caserouting.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.catalog.ApplicantKind;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.District;
import org.caserouting.catalog.Route;

/**
 * An application and its applicant's data. The engine carries only the application number and
 * the decisions; personal data stays here.
 */
@Entity
@Table(name = "application")
public class Application {

  private static final ObjectMapper DATA = new ObjectMapper();

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "application_no", nullable = false, unique = true)
  private String applicationNo;

  @Column(name = "case_type_code", nullable = false)
  private String caseTypeCode;

  @Column(name = "receiving_agency", nullable = false)
  private String receivingAgency;

  @Column(name = "applicant_national_id", nullable = false)
  private String applicantNationalId;

  @Column(name = "applicant_name", nullable = false)
  private String applicantName;

  @Column(name = "applicant_email")
  private String applicantEmail;

  @Column(name = "applicant_phone")
  private String applicantPhone;

  @Column(name = "site_address")
  private String siteAddress;

  @Column(name = "site_land_parcel_no")
  private String siteLandParcelNo;

  @Enumerated(EnumType.STRING)
  @Column(name = "site_zone")
  private SiteZone siteZone;

  @Enumerated(EnumType.STRING)
  @Column(name = "site_district")
  private District siteDistrict;

  @Enumerated(EnumType.STRING)
  @Column(name = "applicant_registered_district")
  private District applicantRegisteredDistrict;

  @Enumerated(EnumType.STRING)
  @Column(name = "applicant_kind", nullable = false)
  private ApplicantKind applicantKind = ApplicantKind.PERSON;

  /** For an organisation: its unified business number and its representative, whose ID is the applicant's. */
  @Column(name = "applicant_business_no")
  private String applicantBusinessNo;

  @Column(name = "applicant_representative")
  private String applicantRepresentative;

  @Enumerated(EnumType.STRING)
  @Column(name = "agent_relation")
  private AgentRelation agentRelation;

  @Column(name = "agent_national_id")
  private String agentNationalId;

  @Column(name = "agent_name")
  private String agentName;

  @Column(name = "agent_licence_no")
  private String agentLicenceNo;

  /** The answers to the type's own form, as JSON; checked against its schema at intake. */
  @Column(name = "application_data")
  private String applicationData;

  @Enumerated(EnumType.STRING)
  @Column(name = "submitted_via", nullable = false)
  private SubmittedVia submittedVia;

  @Column(name = "consent_to_data_queries", nullable = false)
  private boolean consentToDataQueries;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Route route;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApplicationStatus status;

  @Enumerated(EnumType.STRING)
  private Decision decision;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "idempotency_key", unique = true)
  private String idempotencyKey;

  @Column(name = "request_hash", nullable = false)
  private String requestHash;

  /** Who submitted it: the portal's client or a counter clerk; a resend is answered only to them. */
  @Column(name = "submitted_by")
  private String submittedBy;

  @ElementCollection
  @CollectionTable(name = "application_document", joinColumns = @JoinColumn(name = "application_id"))
  @OrderColumn(name = "position")
  private List<SubmittedDocument> documents = new ArrayList<>();

  protected Application() {}

  public Application(
      String applicationNo,
      SubmitApplicationRequest request,
      String receivingAgency,
      Channel channel,
      Route route,
      Instant submittedAt,
      LocalDate dueDate,
      String idempotencyKey,
      String requestHash,
      String submittedBy) {
    this.applicationNo = applicationNo;
    this.caseTypeCode = request.caseTypeCode();
    this.receivingAgency = receivingAgency;
    this.applicantNationalId = request.applicant().nationalId();
    this.applicantName = request.applicant().name();
    this.applicantEmail = request.applicant().email();
    this.applicantPhone = request.applicant().phone();
    this.applicantKind = request.applicant().kindOrPerson();
    this.applicantRegisteredDistrict = request.applicant().registeredDistrict();
    this.applicantBusinessNo = request.applicant().businessNo();
    this.applicantRepresentative = request.applicant().representativeName();
    if (request.agent() != null) {
      this.agentRelation = request.agent().relation();
      this.agentNationalId = request.agent().nationalId();
      this.agentName = request.agent().name();
      this.agentLicenceNo = request.agent().licenceNo();
    }
    if (request.site() != null) {
      this.siteAddress = request.site().address();
      this.siteLandParcelNo = request.site().landParcelNo();
      this.siteZone = request.site().zone();
      this.siteDistrict = request.site().district();
    }
    this.applicationData = request.applicationData() == null ? null : request.applicationData().toString();
    this.submittedVia = request.submittedVia();
    this.consentToDataQueries = request.consentToDataQueries();
    this.channel = channel;
    this.route = route;
    this.status = ApplicationStatus.RECEIVED;
    this.submittedAt = submittedAt;
    this.dueDate = dueDate;
    this.idempotencyKey = idempotencyKey;
    this.requestHash = requestHash;
    this.submittedBy = submittedBy;
    request.documentsOrEmpty().forEach(d -> documents.add(new SubmittedDocument(d.documentClass(), d.title())));
  }

  /**
   * Who filed it, as the case file shows staff: the applicant (an organisation with its number and
   * representative), and the agent with their relation and licence, if one filed for them.
   */
  public FiledBy filedBy() {
    String applicant = applicantKind == ApplicantKind.ORGANISATION
        ? applicantName + "（統一編號 " + applicantBusinessNo + "，代表人 " + applicantRepresentative + "）"
        : applicantName;
    String agent = agentRelation == null ? null
        : agentName + "，" + agentRelation.label() + (agentLicenceNo == null ? "" : "（" + agentLicenceNo + "）");
    return new FiledBy(applicantKind, applicant, agent);
  }

  /** The applicant and agent as staff read them; {@code agent} null when the applicant filed alone. */
  public record FiledBy(ApplicantKind kind, String applicant, String agent) {}

  /** The answers to the type's own form; an empty object when it asks nothing. */
  public JsonNode getApplicationData() {
    try {
      return applicationData == null ? JsonNodeFactory.instance.objectNode() : DATA.readTree(applicationData);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The application data of " + applicationNo + " cannot be read", e);
    }
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The decision tables ran again inside the process; their verdict is the one of record. */
  public void recordHandling(Channel channel, Route route) {
    this.channel = channel;
    this.route = route;
    if (status == ApplicationStatus.RECEIVED) {
      this.status = ApplicationStatus.IN_REVIEW; // the case has started on its way through the agencies
    }
  }

  public void awaitSupplement() {
    this.status = ApplicationStatus.SUPPLEMENT_REQUESTED;
  }

  /** The supplement arrived: review resumes, and the time limit moves by the days it was paused. */
  public void resumeAfterSupplement(LocalDate newDueDate) {
    this.status = ApplicationStatus.IN_REVIEW;
    this.dueDate = newDueDate;
  }

  public void withdrawForNoSupplement(Instant at) {
    this.status = ApplicationStatus.WITHDRAWN_NO_SUPPLEMENT;
    this.decidedAt = at;
  }

  public void decide(Decision decision, String reason, Instant at) {
    this.status = ApplicationStatus.DECIDED;
    this.decision = decision;
    this.decisionReason = reason;
    this.decidedAt = at;
  }

  public String getApplicationNo() {
    return applicationNo;
  }

  public String getCaseTypeCode() {
    return caseTypeCode;
  }

  public String getReceivingAgency() {
    return receivingAgency;
  }

  public String getApplicantNationalId() {
    return applicantNationalId;
  }

  public String getApplicantName() {
    return applicantName;
  }

  public String getApplicantEmail() {
    return applicantEmail;
  }

  public String getApplicantPhone() {
    return applicantPhone;
  }

  public String getSiteAddress() {
    return siteAddress;
  }

  public String getSiteLandParcelNo() {
    return siteLandParcelNo;
  }

  public SiteZone getSiteZone() {
    return siteZone;
  }

  public SubmittedVia getSubmittedVia() {
    return submittedVia;
  }

  public boolean isConsentToDataQueries() {
    return consentToDataQueries;
  }

  public Channel getChannel() {
    return channel;
  }

  public Route getRoute() {
    return route;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public String getRequestHash() {
    return requestHash;
  }

  public List<SubmittedDocument> getDocuments() {
    return List.copyOf(documents);
  }
}
