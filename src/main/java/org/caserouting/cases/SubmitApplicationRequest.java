package org.caserouting.cases;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caserouting.catalog.ApplicantKind;
import org.caserouting.catalog.District;
import org.caserouting.catalog.ReceivedBy;
import org.caserouting.catalog.DocumentClass;

/**
 * POST /api/applications: what the city portal or a counter clerk sends. {@code applicationData}
 * answers the type's own form; its shape is the type's, so it is checked against the type's schema
 * ({@link FitsItsType}).
 */
@FitsItsType
public record SubmitApplicationRequest(
    @NotBlank @Size(max = 64) String caseTypeCode,
    @NotNull @Valid Applicant applicant,
    @Size(max = 30) List<@NotNull @Valid Document> documents,
    @Valid Site site,
    @NotNull SubmittedVia submittedVia,
    @NotNull Boolean consentToDataQueries,
    @Size(max = 32) String receivingAgency,
    JsonNode applicationData,
    @Valid Agent agent) {

  /**
   * Who applies: a person ({@code kind} PERSON, the default), or a company or organisation
   * (ORGANISATION) by its unified business number and name, through its representative, whose ID
   * is {@code nationalId}. Someone acting for the applicant is named under {@code agent}.
   * {@code registeredDistrict}, where the applicant's household is registered, decides who
   * receives a type received by the district office of that district.
   */
  @Parties.Consistent
  public record Applicant(
      ApplicantKind kind,
      @NotBlank @NationalId String nationalId,
      @NotBlank @Size(max = 100) String name,
      @Email @Size(max = 254) String email,
      @Pattern(regexp = "[0-9+()# -]{6,20}", message = "must be 6 to 20 digits, spaces, '+', '-', '(', ')' or '#'")
          String phone,
      @BusinessNo String businessNo,
      @Size(max = 100) String representativeName,
      District registeredDistrict) {

    /** A person applying for themselves, registered in {@code registeredDistrict}. */
    public Applicant(String nationalId, String name, String email, String phone, District registeredDistrict) {
      this(ApplicantKind.PERSON, nationalId, name, email, phone, null, null, registeredDistrict);
    }

    public ApplicantKind kindOrPerson() {
      return kind == null ? ApplicantKind.PERSON : kind;
    }
  }

  /**
   * Someone filing for the applicant (代理人): a land scrivener or a lawyer by their licence, a
   * family member or another person by their mandate alone. The mandate (委任書) comes as a file.
   */
  @Parties.Consistent
  public record Agent(
      @NotNull AgentRelation relation,
      @NotBlank @NationalId String nationalId,
      @NotBlank @Size(max = 100) String name,
      @Size(max = 32) @Pattern(regexp = "[\\p{IsHan}0-9A-Za-z()（） -]*", message = "must be the licence number as printed")
          String licenceNo,
      @Email @Size(max = 254) String email) {}

  /** The district a type received by this rule is received in, as the application names it; null if it does not. */
  public District districtFor(ReceivedBy rule) {
    return switch (rule) {
      case SITE_DISTRICT_OFFICE, PARCEL_LAND_OFFICE -> site == null ? null : site.district();
      case HOUSEHOLD_DISTRICT_OFFICE -> applicant == null ? null : applicant.registeredDistrict();
    };
  }

  /** Who files: the applicant's kind, and an agent when one acts for them. */
  public Set<ApplicantKind> filedBy() {
    Set<ApplicantKind> kinds = EnumSet.of(applicant.kindOrPerson());
    if (agent != null) {
      kinds.add(ApplicantKind.AGENT);
    }
    return kinds;
  }

  public record Document(@NotNull DocumentClass documentClass, @NotBlank @Size(max = 200) String title) {}

  /** Where the application concerns: an address, a parcel, its zoning, and the district it lies in. */
  public record Site(
      @NotBlank @Size(max = 300) String address, @Size(max = 64) String landParcelNo, SiteZone zone, District district) {}

  public enum SubmittedVia {
    ONLINE,
    COUNTER
  }

  public List<Document> documentsOrEmpty() {
    return documents == null ? List.of() : documents;
  }
}
