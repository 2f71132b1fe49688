package org.caserouting.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.Catalog;
import org.caserouting.meanstest.AgencyRecords;
import org.caserouting.meanstest.Household;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.DeployedDecisions;
import org.caserouting.platform.Refusal;
import org.caserouting.platform.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks other agencies for what the government already holds, within what the case type may ask
 * (dmn/verification-scope.dmn), only with the applicant's consent, tax data only with the Ministry
 * of Finance's approval, and leaves evidence of every query and every refusal.
 */
@Service
public class Verification {

  public static final String SCOPE_DECISION = "verificationScope";

  /** Whose data a query is about. */
  public enum Subject {
    APPLICANT,
    SITE_PARCEL,
    HOUSEHOLD_MEMBERS
  }

  /** One verification step of a case. {@code stepKey} is stable across retries of the step. */
  public record Request(
      String applicationNo, String step, String stepKey, String requestingAgency, String userId, String service,
      String fields, String purpose, Subject subject) {}

  /**
   * What an agency answered to one of the case's queries: the service, its source agency, when,
   * and each field asked for with its value, as kept (only the fields the scope allowed).
   */
  public record Answer(String service, String serviceName, String sourceAgency, Instant fetchedAt,
      Map<String, String> fields) {}

  /**
   * The fields the agencies' services answer (the names in documents.yaml's verifiedBy), and our
   * own, as the case file shows them: zh-TW and English, never the services' codes.
   */
  static final Map<String, String> FIELD_LABELS = Map.ofEntries(
      Map.entry("members", "戶內人口 Household members"),
      Map.entry("relatives", "戶籍不同之配偶及一親等直系血親 Spouse and first-degree relatives registered elsewhere"),
      Map.entry("address", "戶籍地址 Registered address"),
      Map.entry("income", "所得 Income"),
      Map.entry("property", "財產 Property"),
      Map.entry("taxPaid", "納稅 Tax paid"),
      Map.entry("insuredSalary", "勞工保險投保薪資 Insured monthly salary"),
      Map.entry("owner", "所有權人 Owner"),
      Map.entry("area", "面積 Area"),
      Map.entry("zoning", "使用分區 Zoning"),
      Map.entry("status", "狀態 Status"),
      Map.entry("name", "名稱 Name"),
      Map.entry("companyId", "統一編號 Unified business number"),
      Map.entry("permittedUse", "核准用途 Permitted use"),
      Map.entry("permitNo", "執照號碼 Permit number"),
      Map.entry("disability", "身心障礙 Disability"),
      Map.entry("enrolled", "在學 Enrolled"),
      Map.entry("contactSlipAnswer", "聯繫單回復 Answer to the contact slip"),
      Map.entry("verifiedByHand", "人工查證 Verified by hand"));

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The subject under which a person's answer is kept, beside the services' (see keepAnswer). */
  private static final Set<String> PEOPLES_ANSWERS = Set.of("contact-slip", "by-hand");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Map<String, String> LABELS =
      Map.of(
          "HOUSEHOLD", "Household registration 戶籍",
          "LAND", "Land registry 地籍",
          "TAX", "Tax 財稅",
          "BUSINESS", "Business registration 商業登記",
          "WELFARE", "Welfare status 社福身分",
          "BUILDING", "Building use permit 使用執照",
          "STUDENT", "Student status 學籍",
          "INSURANCE", "Labour insurance 勞保");

  private final ApplicationRepository applications;
  private final CaseTypeRepository caseTypes;
  private final Catalog catalog;
  private final DeployedDecisions decisions;
  private final VerificationProperties properties;
  private final XRoadClient client;
  private final EvidenceLog evidence;
  private final VerificationResultRepository results;
  private final ZoneId zone;
  private final Clock clock;
  private final PersonCodes personCodes;

  Verification(
      ApplicationRepository applications,
      CaseTypeRepository caseTypes,
      Catalog catalog,
      DeployedDecisions decisions,
      VerificationProperties properties,
      XRoadClient client,
      EvidenceLog evidence,
      VerificationResultRepository results,
      CalendarProperties calendar, Clock clock, PersonCodes personCodes) {
    this.clock = clock;
    this.personCodes = personCodes;
    this.applications = applications;
    this.caseTypes = caseTypes;
    this.catalog = catalog;
    this.decisions = decisions;
    this.properties = properties;
    this.client = client;
    this.evidence = evidence;
    this.results = results;
    this.zone = calendar.zone();
  }

  /**
   * A contact slip (聯繫單): the question put to a source agency's clerks, and only the data that
   * says whose records they are to look up.
   */
  public record Slip(String sourceAgency, String askerName, String question, String subject) {}

  /** What the case type may ask of which service: the scope table's rows for it. */
  public List<Map<String, Object>> scope(String caseTypeCode) {
    return scope(decisions, caseTypeCode);
  }

  static List<Map<String, Object>> scope(DeployedDecisions decisions, String caseTypeCode) {
    return decisions.evaluate(SCOPE_DECISION, Map.of("caseTypeCode", caseTypeCode)).getResultList();
  }

  /**
   * Queries the agency and returns a line for the clerk's form: what the source said, and when.
   *
   * @throws VerificationRefusedException when the query may not be made (recorded as evidence)
   * @throws AgencyUnavailableException when the agency gave no usable answer (recorded as evidence)
   */
  @Transactional(noRollbackFor = {VerificationRefusedException.class, AgencyUnavailableException.class})
  public String verify(Request request) {
    Application application = applications.require(request.applicationNo());
    CaseType type = caseTypes.findById(application.getCaseTypeCode()).orElseThrow();
    VerificationProperties.Endpoint endpoint = properties.endpoint(request.service());
    if (!application.isConsentToDataQueries()) {
      refuse(request, endpoint, EvidenceOutcome.REFUSED_NO_CONSENT,
          "The applicant did not consent to data queries: ask the applicant for the documents instead.");
    }
    if (!inScope(type.getCode(), request.service(), request.fields())) {
      refuse(request, endpoint, EvidenceOutcome.REFUSED_OUT_OF_SCOPE,
          "Application type " + type.getCode() + " may not ask " + request.service() + " for " + request.fields()
              + " (dmn/verification-scope.dmn).");
    }
    if ("TAX".equals(request.service()) && (type.getTaxApprovalRef() == null || type.getTaxApprovalRef().isBlank())) {
      refuse(request, endpoint, EvidenceOutcome.REFUSED_NO_TAX_APPROVAL,
          "No Ministry of Finance approval covers tax data for " + type.getCode()
              + " (Tax Collection Act §33): obtain it through the fiscal information channel or from the applicant.");
    }
    List<String> lines = new ArrayList<>();
    for (String subjectId : subjects(application, request.subject())) {
      lines.add(query(request, endpoint, subjectId));
    }
    Agency source = catalog.agency(endpoint.agency()).orElse(null);
    return (source == null ? endpoint.agency() : source.getNameZh()) + " " + LABELS.getOrDefault(request.service(), request.service())
        + ", " + WHEN.format(clock.instant().atZone(zone)) + "：" + String.join("；", lines);
  }

  /**
   * The contact slip for a query its agency could not answer online, when that agency works on
   * this system (it is in the catalog, so its clerks have Tasklist); otherwise none, and the
   * receiving agency's clerk verifies by other means.
   */
  @Transactional(readOnly = true)
  public Optional<Slip> slip(Request request) {
    VerificationProperties.Endpoint endpoint = properties.endpoint(request.service());
    Optional<Agency> source = catalog.agency(endpoint.agency());
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Application application = applications.require(request.applicationNo());
    String asker = catalog.agency(request.requestingAgency()).map(a -> a.getNameZh() + " " + a.getNameEn())
        .orElse(request.requestingAgency());
    String question = LABELS.getOrDefault(request.service(), request.service()) + "：" + request.fields();
    return Optional.of(new Slip(source.get().getCode(), asker, question, identify(application, request.subject())));
  }

  /**
   * A source agency's clerk answered a contact slip: the answer joins the case's evidence chain, by
   * that clerk, and becomes a line of the verification summary.
   */
  @Transactional
  public String answerSlip(String applicationNo, String requestingAgency, String sourceAgency, String service,
      String fields, String purpose, String clerk, String answer, String reference) {
    if (answer == null || answer.isBlank()) {
      throw new Refusal("請回復查得結果。 Answer what your records show.");
    }
    String text = answer.strip() + (reference == null || reference.isBlank() ? "" : " (" + reference.strip() + ")");
    evidence.append(new VerificationEvidence.Query(applicationNo, ContactSlipProcess.Elements.ANSWER, requestingAgency,
        clerk == null ? "system" : clerk, service, sourceAgency, purpose, fields)
        .answeredByClerk(clock.instant(), Sha256.of(text)));
    keepAnswer(applicationNo, service, "contact-slip", "contactSlipAnswer", text);
    String source = catalog.agency(sourceAgency).map(Agency::getNameZh).orElse(sourceAgency);
    return "聯繫單 Contact slip, " + source + " " + WHEN.format(clock.instant().atZone(zone)) + "：" + text;
  }

  /** Whose records, as the source agency needs to find them: no more than the question's subject. */
  private String identify(Application application, Subject subject) {
    return switch (subject) {
      case APPLICANT -> application.getApplicantName() + " " + application.getApplicantNationalId();
      case SITE_PARCEL -> "地號 Parcel " + Objects.toString(application.getSiteLandParcelNo(), "—");
      case HOUSEHOLD_MEMBERS -> "戶內人員 Household members: " + String.join(", ", householdMembers(application));
    };
  }

  private String query(Request request, VerificationProperties.Endpoint endpoint, String subjectId) {
    String xroadId =
        UUID.nameUUIDFromBytes((request.stepKey() + "/" + subjectId).getBytes(StandardCharsets.UTF_8)).toString();
    Instant at = clock.instant();
    try {
      XRoadClient.Exchange exchange =
          client.get(request.service(), subjectId, request.fields(), xroadId, request.userId(), request.applicationNo());
      boolean found = exchange.status() != 404;
      VerificationEvidence recorded = evidence.append(query(request, endpoint)
          .answered(at, xroadId, exchange, found ? EvidenceOutcome.ANSWERED : EvidenceOutcome.NOT_FOUND));
      evidence.concerning(recorded, touched(request, subjectId, found ? exchange.body() : null));
      if (!found) {
        return "查無資料 not found";
      }
      // Only what was asked is kept, whatever else the agency sent, with the query that brought it.
      results.save(new VerificationResult(request.applicationNo(), request.service(), subjectId, at,
          asked(exchange.body(), request.fields()).toString(), recorded.getSeq()));
      return summary(exchange.body(), request.fields());
    } catch (AgencyUnavailableException failed) {
      evidence.concerning(evidence.append(query(request, endpoint).failed(at, xroadId)), touched(request, subjectId, null));
      throw failed;
    }
  }

  /**
   * Whose data a query touched: the person asked about (not a parcel), and each person a household
   * registration's answer named.
   */
  private List<String> touched(Request request, String subjectId, JsonNode answer) {
    List<String> codes = new ArrayList<>();
    if (request.subject() != Subject.SITE_PARCEL) {
      codes.add(personCodes.of(subjectId));
    }
    if (answer != null) {
      for (String list : List.of("members", "relatives")) {
        answer.path(list).forEach(person -> {
          if (person.hasNonNull("nationalId")) {
            codes.add(personCodes.of(person.get("nationalId").asText()));
          }
        });
      }
    }
    return codes;
  }

  private boolean inScope(String caseTypeCode, String service, String fields) {
    Set<String> asked = fields(fields);
    return scope(caseTypeCode).stream()
        .filter(row -> service.equals(row.get("service")))
        .anyMatch(row -> fields((String) row.get("fields")).containsAll(asked));
  }

  private List<String> subjects(Application application, Subject subject) {
    return switch (subject) {
      case APPLICANT -> List.of(application.getApplicantNationalId());
      case SITE_PARCEL ->
          application.getSiteLandParcelNo() == null ? List.of() : List.of(application.getSiteLandParcelNo());
      case HOUSEHOLD_MEMBERS -> householdMembers(application);
    };
  }

  /**
   * The applicant, and the persons of the household registration whose means §5 I counts (the
   * spouse and first-degree relatives wherever registered, other lineal relatives registered
   * together): no one else's income or property is asked for.
   */
  private List<String> householdMembers(Application application) {
    List<String> members = new ArrayList<>();
    members.add(application.getApplicantNationalId());
    for (Kept household : kept(application.getApplicationNo(), "HOUSEHOLD")) {
      AgencyRecords.related(household.body(), application.getApplicantNationalId()).stream()
          .filter(Household::countedByLaw)
          .map(Household.Person::nationalId)
          .filter(id -> !members.contains(id))
          .forEach(members::add);
    }
    return members;
  }

  /**
   * An agency's answer as kept: which service, whose records, when, the query's number in the
   * evidence chain, and the fields asked for.
   */
  public record Kept(String service, String subjectRef, Instant fetchedAt, Integer evidenceSeq, JsonNode body) {}

  /** The answers a service gave for the case, oldest first. */
  private List<Kept> kept(String applicationNo, String service) {
    return kept(results.findByApplicationNoAndServiceOrderById(applicationNo, service));
  }

  /** The answers every service gave for the case, oldest first; a person's answers (a slip's, by hand) are not among them. */
  @Transactional(readOnly = true)
  public List<Kept> kept(String applicationNo) {
    return kept(results.findByApplicationNoOrderById(applicationNo));
  }

  private static List<Kept> kept(List<VerificationResult> answers) {
    return answers.stream()
        .filter(result -> !PEOPLES_ANSWERS.contains(result.getSubjectRef()))
        .map(result -> {
          try {
            return new Kept(result.getService(), result.getSubjectRef(), result.getFetchedAt(), result.getEvidenceSeq(),
                JSON.readTree(result.getBody()));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored answer is not JSON", e);
          }
        }).toList();
  }

  /** The source agency's code for a service, as configured. */
  public String sourceAgency(String service) {
    return properties.endpoint(service).agency();
  }

  /** The service's name as the clerk and the applicant read it. */
  public static String serviceLabel(String service) {
    return LABELS.getOrDefault(service, service);
  }

  private void refuse(Request request, VerificationProperties.Endpoint endpoint, EvidenceOutcome outcome, String why) {
    evidence.append(query(request, endpoint).refused(clock.instant(), outcome));
    throw new VerificationRefusedException(why);
  }

  private static VerificationEvidence.Query query(Request request, VerificationProperties.Endpoint endpoint) {
    return new VerificationEvidence.Query(request.applicationNo(), request.step(), request.requestingAgency(),
        request.userId(), request.service(), endpoint.agency(), request.purpose(), request.fields());
  }


  /** The answer trimmed to the fields asked. */
  /** What the receiving agency's clerk found by other means, kept beside the agencies' answers for the case file. */
  @Transactional
  public void recordByHand(String applicationNo, String service, String text) {
    keepAnswer(applicationNo, service == null ? "MANUAL" : service, "by-hand", "verifiedByHand", text);
  }

  /** An answer a person gave (a clerk's, not a service's), kept beside the services' for the case file. */
  private void keepAnswer(String applicationNo, String service, String how, String field, String text) {
    results.save(new VerificationResult(applicationNo, service, how, clock.instant(),
        JSON.createObjectNode().put(field, text).toString()));
  }

  /** The agencies' answers to the case's queries, oldest first. */
  @Transactional(readOnly = true)
  public List<Answer> answers(String applicationNo) {
    return results.findByApplicationNoOrderById(applicationNo).stream().map(result -> {
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      try {
        JSON.readTree(result.getBody()).fields().forEachRemaining(field -> fields.put(
            FIELD_LABELS.getOrDefault(field.getKey(), field.getKey()),
            field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        fields.put("body", result.getBody());
      }
      var endpoint = properties.services() == null ? null : properties.services().get(result.getService());
      return new Answer(result.getService(), LABELS.getOrDefault(result.getService(), result.getService()),
          endpoint == null ? null : endpoint.agency(), result.getFetchedAt(), fields);
    }).toList();
  }

  static JsonNode asked(JsonNode body, String fields) {
    ObjectNode kept = JSON.createObjectNode();
    for (String field : fields(fields)) {
      if (body.has(field)) {
        kept.set(field, body.get(field));
      }
    }
    return kept;
  }

  /** The asked fields of an answer, compactly: lists by their size and names. */
  private static String summary(JsonNode body, String fields) {
    return fields(fields).stream()
        .map(field -> field + "=" + render(body.path(field)))
        .collect(Collectors.joining(", "));
  }

  private static String render(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "—";
    }
    if (value.isArray()) {
      List<String> names = new ArrayList<>();
      value.forEach(item -> names.add(item.has("name") ? item.get("name").asText() : item.toString()));
      return value.size() + " (" + String.join("、", names) + ")";
    }
    if (value.isObject()) {
      return value.toString();
    }
    return value.asText();
  }

  private static Set<String> fields(String list) {
    return list == null
        ? Set.of()
        : Arrays.stream(list.split(",")).map(String::strip).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
  }
}
