package org.caserouting.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The catalog's data files (agencies.yaml, documents.yaml, case-types.yaml), read and checked as
 * a whole: a reference to an unknown agency or document stops the start with every such problem
 * listed, rather than loading a half-consistent catalog.
 */
public record CatalogFiles(
    List<AgencyRow> agencies, List<DocumentRow> documents, List<CaseTypeRow> caseTypes, List<DistrictRow> districts) {

  public CatalogFiles {
    districts = districts == null ? List.of() : List.copyOf(districts);
  }

  /** A catalog without districts: enough while no type is received by rule. */
  public CatalogFiles(List<AgencyRow> agencies, List<DocumentRow> documents, List<CaseTypeRow> caseTypes) {
    this(agencies, documents, caseTypes, List.of());
  }

  /** The offices that serve one district (districts.yaml). */
  public record DistrictRow(District district, String districtOffice, String householdRegistrationOffice, String landOffice) {}

  /** {@code kind} only for offices that serve districts; see {@link Agency#isSiblingOf}. */
  public record AgencyRow(String code, String nameZh, String nameEn, AgencyLevel level, String parent, OfficeKind kind) {}

  /** {@code verifiedBy} only for a document a government database shows (GOV_DB_VERIFIABLE). */
  public record DocumentRow(String code, String nameZh, String nameEn, DocumentClass documentClass, VerifiedBy verifiedBy) {}

  /** The agency service that shows a document, and the fields that stand for it: asking one of them fetches it. */
  public record VerifiedBy(String service, List<String> fields) {

    public VerifiedBy {
      fields = fields == null ? List.of() : List.copyOf(fields);
    }
  }

  public record CaseTypeRow(
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
      Integer supplementDays,
      Integer coReviewDays,
      Integer coReviewGraceDays,
      String taxApprovalRef,
      List<String> coReviewAgencies,
      List<String> escalationChain,
      Set<Activity> activities,
      List<String> requiredDocuments,
      LegalBasis legalBasis,
      List<ApplicationForm.Field> applicationForm,
      List<ApplicantKind> applicantKinds,
      Boolean meansTest) {

    /** Calendar days to supply missing documents (補正) when a type names none. */
    public static final int DEFAULT_SUPPLEMENT_DAYS = 14;

    /** Working days a co-reviewing agency has to answer (會辦期限), and the grace after it. */
    public static final int DEFAULT_CO_REVIEW_DAYS = 7;

    public static final int DEFAULT_CO_REVIEW_GRACE_DAYS = 3;

    /** A person, for themselves or through an agent, when a type names no kinds. */
    public static final List<ApplicantKind> DEFAULT_APPLICANT_KINDS = List.of(ApplicantKind.PERSON, ApplicantKind.AGENT);

    public CaseTypeRow {
      supplementDays = supplementDays == null ? DEFAULT_SUPPLEMENT_DAYS : supplementDays;
      coReviewDays = coReviewDays == null ? DEFAULT_CO_REVIEW_DAYS : coReviewDays;
      coReviewGraceDays = coReviewGraceDays == null ? DEFAULT_CO_REVIEW_GRACE_DAYS : coReviewGraceDays;
      coReviewAgencies = coReviewAgencies == null ? List.of() : List.copyOf(coReviewAgencies);
      escalationChain = escalationChain == null ? List.of() : List.copyOf(escalationChain);
      activities = activities == null ? Set.of() : Set.copyOf(activities);
      requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
      applicationForm = applicationForm == null ? List.of() : List.copyOf(applicationForm);
      applicantKinds = applicantKinds == null ? DEFAULT_APPLICANT_KINDS : List.copyOf(applicantKinds);
      meansTest = Boolean.TRUE.equals(meansTest);
    }

    public ApplicationForm form() {
      return new ApplicationForm(applicationForm);
    }
  }

  /**
   * The law a decision of the type rests on, as its decision letter cites it, zh-TW and English.
   * {@code toConfirm} marks a citation the agency's legal office has yet to confirm: the service
   * names those types at every start.
   */
  public record LegalBasis(String zh, String en, Boolean toConfirm) {
    public LegalBasis {
      toConfirm = Boolean.TRUE.equals(toConfirm);
    }
  }

  public static class InvalidCatalogException extends IllegalStateException {
    public InvalidCatalogException(String location, List<String> problems) {
      super("The case catalog at " + location + " is invalid:\n  - " + String.join("\n  - ", problems));
    }
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Reads the three files below {@code location} (a Spring resource location ending in '/'). */
  public static CatalogFiles read(ResourceLoader loader, String location) {
    String base = location.endsWith("/") ? location : location + "/";
    CatalogFiles files =
        new CatalogFiles(
            readList(loader.getResource(base + "agencies.yaml"), AgencyRow[].class),
            readList(loader.getResource(base + "documents.yaml"), DocumentRow[].class),
            readList(loader.getResource(base + "case-types.yaml"), CaseTypeRow[].class),
            readList(loader.getResource(base + "districts.yaml"), DistrictRow[].class));
    List<String> problems = files.problems();
    if (!problems.isEmpty()) {
      throw new InvalidCatalogException(base, problems);
    }
    return files;
  }

  private static <T> List<T> readList(Resource resource, Class<T[]> type) {
    try (InputStream in = resource.getInputStream()) {
      T[] rows = YAML.readValue(in, type);
      return rows == null ? List.of() : List.of(rows);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read catalog file " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }

  /** Every inconsistency in the files, in reading order; empty when the catalog can be loaded. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Set<String> agencyCodes = new HashSet<>();
    for (AgencyRow agency : agencies) {
      if (blank(agency.code()) || blank(agency.nameZh()) || blank(agency.nameEn()) || agency.level() == null) {
        problems.add("agency " + agency.code() + ": code, nameZh, nameEn and level are required");
      }
      if (agency.code() != null && !agency.code().matches("[A-Z][A-Z0-9-]*")) {
        problems.add("agency " + agency.code() + ": code must be upper-case letters, digits and '-'");
      }
      if (agency.parent() != null && !agencyCodes.contains(agency.parent())) {
        problems.add("agency " + agency.code() + ": parent " + agency.parent() + " is not listed before it");
      }
      if (!agencyCodes.add(agency.code())) {
        problems.add("agency " + agency.code() + " is listed twice");
      }
    }
    Set<String> documentCodes = new HashSet<>();
    for (DocumentRow document : documents) {
      if (blank(document.code()) || blank(document.nameZh()) || blank(document.nameEn()) || document.documentClass() == null) {
        problems.add("document " + document.code() + ": code, nameZh, nameEn and documentClass are required");
      }
      if (!documentCodes.add(document.code())) {
        problems.add("document " + document.code() + " is listed twice");
      }
      boolean shownByAgency = document.documentClass() == DocumentClass.GOV_DB_VERIFIABLE;
      VerifiedBy by = document.verifiedBy();
      if (shownByAgency && (by == null || blank(by.service()) || by.fields().isEmpty())) {
        problems.add("document " + document.code() + ": GOV_DB_VERIFIABLE needs verifiedBy with its service and fields");
      }
      if (!shownByAgency && by != null) {
        problems.add("document " + document.code() + ": only a GOV_DB_VERIFIABLE document is verifiedBy a service");
      }
    }
    Set<String> caseTypeCodes = new HashSet<>();
    for (CaseTypeRow type : caseTypes) {
      String at = "case type " + type.code() + ": ";
      if (blank(type.code()) || blank(type.nameZh()) || blank(type.nameEn()) || type.category() == null) {
        problems.add(at + "code, nameZh, nameEn and category are required");
      }
      if (!caseTypeCodes.add(type.code())) {
        problems.add(at + "listed twice");
      }
      if ((type.receivingAgency() == null) == (type.receivedBy() == null)) {
        problems.add(at + "name either its receivingAgency or the rule it is receivedBy, not both");
      } else if (type.receivingAgency() != null && !agencyCodes.contains(type.receivingAgency())) {
        problems.add(at + "unknown receiving agency " + type.receivingAgency());
      }
      type.coReviewAgencies().stream()
          .filter(code -> !agencyCodes.contains(code))
          .forEach(code -> problems.add(at + "unknown co-review agency " + code));
      type.escalationChain().stream()
          .filter(code -> !agencyCodes.contains(code))
          .forEach(code -> problems.add(at + "unknown agency " + code + " in the escalation chain"));
      type.requiredDocuments().stream()
          .filter(code -> !documentCodes.contains(code))
          .forEach(code -> problems.add(at + "unknown document " + code));
      if (type.legalBasis() == null || blank(type.legalBasis().zh()) || blank(type.legalBasis().en())) {
        problems.add(at + "legalBasis needs zh and en: every decision letter cites the law it rests on");
      }
      if (type.timeLimitDays() < 1) {
        problems.add(at + "timeLimitDays must be at least 1");
      }
      if (type.supplementDays() < 1) {
        problems.add(at + "supplementDays must be at least 1");
      }
      if (type.coReviewDays() < 1 || type.coReviewGraceDays() < 0) {
        problems.add(at + "coReviewDays must be at least 1 and coReviewGraceDays at least 0");
      }
      if (type.needsExternalReview() == type.coReviewAgencies().isEmpty()) {
        problems.add(at + "needsExternalReview must be true exactly when co-review agencies are listed");
      }
      if (type.needsEscalation() == type.escalationChain().isEmpty()) {
        problems.add(at + "needsEscalation must be true exactly when an escalation chain is listed");
      }
      if (type.needsJointInspection() && !type.needsExternalReview()) {
        problems.add(at + "a joint site inspection needs co-reviewing agencies");
      }
      type.form().declarationProblems().forEach(problem -> problems.add(at + problem));
      problems.addAll(escalationProblems(at, type));
      problems.addAll(coReviewProblems(at, type));
      if (!type.applicantKinds().contains(ApplicantKind.PERSON) && !type.applicantKinds().contains(ApplicantKind.ORGANISATION)) {
        problems.add(at + "applicantKinds must name PERSON or ORGANISATION: an agent acts for one of them");
      }
    }
    problems.addAll(districtProblems());
    return problems;
  }

  /**
   * Each agency of an escalation chain (層轉) must stand above the one before it: a higher level,
   * or the department the office before it belongs to. A chain that climbs down or sideways sends
   * a decision to someone with no authority over it.
   */
  private List<String> escalationProblems(String at, CaseTypeRow type) {
    List<String> problems = new ArrayList<>();
    Map<String, AgencyRow> byCode = agencies.stream()
        .collect(Collectors.toMap(AgencyRow::code, Function.identity(), (a, b) -> a));
    AgencyRow below = type.receivingAgency() != null ? byCode.get(type.receivingAgency())
        : new AgencyRow(type.receivedBy().name(), "", "", AgencyLevel.DISTRICT, null, null);
    for (String code : type.escalationChain()) {
      AgencyRow above = byCode.get(code);
      if (above == null || below == null) {
        return problems; // unknown agencies are reported on their own
      }
      boolean higher = above.level().ordinal() > below.level().ordinal()
          || (above.level() == below.level() && above.code().equals(below.parent()));
      if (!higher) {
        problems.add(at + "the escalation chain sends it from " + below.code() + " to " + code
            + ", which is not above it (a higher level, or the department it belongs to)");
      }
      below = above;
    }
    return problems;
  }

  /** The receiving office asking itself for an opinion (會辦) is a step that can only wait on itself. */
  private List<String> coReviewProblems(String at, CaseTypeRow type) {
    List<String> problems = new ArrayList<>();
    for (String code : type.coReviewAgencies()) {
      if (code.equals(type.receivingAgency())) {
        problems.add(at + "co-reviewer " + code + " is the receiving agency itself");
      }
      OfficeKind ruleKind = type.receivedBy() == null ? null
          : type.receivedBy() == ReceivedBy.PARCEL_LAND_OFFICE ? OfficeKind.LAND_OFFICE : OfficeKind.DISTRICT_OFFICE;
      agencies.stream().filter(agency -> agency.code().equals(code) && agency.kind() != null && agency.kind() == ruleKind)
          .forEach(agency -> problems.add(at + "co-reviewer " + code + " is an office of the kind that receives the type,"
              + " so for its own district it would be the receiving office itself"));
    }
    return problems;
  }

  /**
   * Every district listed once, each office of its kind: required once any type is received by
   * rule, and checked whenever districts are listed.
   */
  private List<String> districtProblems() {
    List<String> problems = new ArrayList<>();
    boolean byRule = caseTypes.stream().anyMatch(type -> type.receivedBy() != null);
    if (districts.isEmpty() && !byRule) {
      return problems;
    }
    Map<String, AgencyRow> agenciesByCode = agencies.stream()
        .collect(Collectors.toMap(AgencyRow::code, Function.identity(), (a, b) -> a));
    Set<District> listed = new HashSet<>();
    for (DistrictRow row : districts) {
      String at = "district " + row.district() + ": ";
      if (row.district() == null || !listed.add(row.district())) {
        problems.add(at + "listed twice or without its name");
      }
      office(problems, at, "districtOffice", row.districtOffice(), OfficeKind.DISTRICT_OFFICE, agenciesByCode);
      office(problems, at, "householdRegistrationOffice", row.householdRegistrationOffice(), OfficeKind.HOUSEHOLD_REGISTRATION,
          agenciesByCode);
      office(problems, at, "landOffice", row.landOffice(), OfficeKind.LAND_OFFICE, agenciesByCode);
    }
    for (District district : District.values()) {
      if (!listed.contains(district)) {
        problems.add("district " + district + " is not listed in districts.yaml: types received by rule need its offices");
      }
    }
    return problems;
  }

  private static void office(List<String> problems, String at, String role, String code, OfficeKind kind,
      Map<String, AgencyRow> agencies) {
    AgencyRow office = code == null ? null : agencies.get(code);
    if (office == null) {
      problems.add(at + role + " " + code + " is not a listed agency");
    } else if (office.kind() != kind) {
      problems.add(at + role + " " + code + " is not a " + kind + " office");
    }
  }

  /** The documents a type requires, as its row names them. */
  public List<RequiredDocument> requiredDocuments(CaseTypeRow type) {
    Map<String, DocumentRow> byCode = documentsByCode();
    return type.requiredDocuments().stream().map(byCode::get).filter(java.util.Objects::nonNull)
        .map(d -> new RequiredDocument(d.code(), d.nameZh(), d.nameEn(), d.documentClass())).toList();
  }

  public Map<String, DocumentRow> documentsByCode() {
    return documents.stream().collect(Collectors.toMap(DocumentRow::code, Function.identity()));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
