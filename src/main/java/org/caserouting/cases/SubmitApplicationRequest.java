package org.caserouting.cases;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.caserouting.catalog.DocumentClass;

/**
 * POST /api/applications: what the city portal or a counter clerk sends. {@code applicationData}
 * answers the type's own form; its shape is the type's, so it is checked against the type's schema
 * at intake rather than here.
 */
public record SubmitApplicationRequest(
    @NotBlank @Size(max = 64) String caseTypeCode,
    @NotNull @Valid Applicant applicant,
    @Size(max = 30) List<@NotNull @Valid Document> documents,
    @Valid Site site,
    @NotNull SubmittedVia submittedVia,
    @NotNull Boolean consentToDataQueries,
    @Size(max = 32) String receivingAgency,
    JsonNode applicationData) {

  public record Applicant(
      @NotBlank @NationalId String nationalId,
      @NotBlank @Size(max = 100) String name,
      @Email @Size(max = 254) String email,
      @Pattern(regexp = "[0-9+()# -]{6,20}", message = "must be 6 to 20 digits, spaces, '+', '-', '(', ')' or '#'")
          String phone) {}

  public record Document(@NotNull DocumentClass documentClass, @NotBlank @Size(max = 200) String title) {}

  public record Site(@NotBlank @Size(max = 300) String address, @Size(max = 64) String landParcelNo, SiteZone zone) {}

  public enum SubmittedVia {
    ONLINE,
    COUNTER
  }

  public List<Document> documentsOrEmpty() {
    return documents == null ? List.of() : documents;
  }
}
