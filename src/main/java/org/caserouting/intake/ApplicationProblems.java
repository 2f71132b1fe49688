package org.caserouting.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caserouting.catalog.ApplicantKind;
import org.caserouting.catalog.Handling;
import org.caserouting.catalog.ReceivedBy;
import org.caserouting.catalog.RequiredDocument;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.springframework.http.HttpStatus;

/** The ways a submission or a look-up can fail, each an RFC 9457 problem. */
public final class ApplicationProblems {

  private ApplicationProblems() {}

  static final class UnknownCaseType extends ApiProblem {
    UnknownCaseType(String code) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-case-type", "Unknown application type",
          "No application type has the code '" + code + "'; GET /api/case-types lists them.",
          Map.of("caseTypeCode", code));
    }
  }

  /** The answers do not fit the type's form: every field and rule broken, as bean validation lists them. */
  static final class InvalidApplicationData extends ApiProblem {
    InvalidApplicationData(String code, List<InvalidField> errors) {
      super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "申請資料不符此類別的表單 The application data does not fit the form of '" + code + "': "
              + (errors.size() == 1 ? "one field is invalid." : errors.size() + " fields are invalid."),
          Map.of("errors", errors));
    }
  }

  /** The type is received by the office of a district the application does not name. */
  static final class DistrictMissing extends ApiProblem {
    DistrictMissing(ReceivedBy rule) {
      super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "此類別由" + rule.nameZh() + "受理，須填行政區 This type is received by " + rule.nameEn() + ", so the district is needed.",
          Map.of("errors", List.of(new InvalidField(rule.districtField(), rule.districtMissing()))));
    }
  }

  /** The type is not filed by such a party: the reason says who may file it. */
  static final class ApplicantKindNotAccepted extends ApiProblem {
    ApplicantKindNotAccepted(String code, Set<ApplicantKind> refused, List<ApplicantKind> accepted) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "applicant-kind-not-accepted", "This application type is not filed by such an applicant",
          "此類別不受理" + refused.stream().map(ApplicantKind::nameZh).collect(Collectors.joining("、")) + "申請，受理"
              + accepted.stream().map(ApplicantKind::nameZh).collect(Collectors.joining("、"))
              + " Application type '" + code + "' is not filed by "
              + refused.stream().map(ApplicantKind::nameEn).collect(Collectors.joining(" or "))
              + "; it is filed by " + accepted.stream().map(ApplicantKind::nameEn).collect(Collectors.joining(" or ")) + ".",
          Map.of("refusedKinds", List.copyOf(refused), "acceptedKinds", accepted));
    }
  }

  /** An agent files with the applicant's mandate, as a file: without it nobody can tell they may. */
  static final class MandateMissing extends ApiProblem {
    MandateMissing() {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "mandate-missing", "An agent files with the applicant's mandate",
          "代理人申請須檢附委任書 An agent's application needs the applicant's mandate (委任書): send it as a file part"
              + " named MANDATE of a multipart/form-data submission.",
          Map.of("documentCode", RequiredDocument.MANDATE.getCode()));
    }
  }

  static final class NotOnline extends ApiProblem {
    NotOnline(String code, Handling handling) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "counter-only", "This application type cannot be submitted online",
          "Application type '" + code + "' is handled at the counter only: " + handling.reasonEn(),
          reasons(handling));
    }

    private static Map<String, Object> reasons(Handling handling) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("channel", handling.channel());
      properties.put("reasonCode", handling.reasonCode());
      properties.put("reason", handling.reason());
      properties.put("reasonEn", handling.reasonEn());
      return properties;
    }
  }

  static final class NotAReceivingAgency extends ApiProblem {
    NotAReceivingAgency(String agency, String caseTypeCode, String expected) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "not-a-receiving-agency", "Agency cannot receive this application type",
          "Agency '" + agency + "' cannot receive application type '" + caseTypeCode
              + "'; it is received by " + expected + " or an office of the same kind.",
          Map.of("receivingAgency", agency));
    }
  }

  static final class NotAllowedToSubmit extends ApiProblem {
    NotAllowedToSubmit(String user, String agency) {
      super(HttpStatus.FORBIDDEN, "not-allowed-to-submit", "Not allowed to submit here",
          "User '" + user + "' may not submit applications received by " + agency
              + ": the city portal and that agency's clerks may.",
          Map.of("receivingAgency", agency));
    }
  }
}
