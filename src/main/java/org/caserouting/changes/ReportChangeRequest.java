package org.caserouting.changes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.caserouting.cases.NationalId;
import org.caserouting.catalog.District;

/**
 * POST /api/changes, as the counter clerk fills it in: the change, whose it is, the district of
 * the address it concerns (the new one, for a move), what it is, which agencies the citizen agreed
 * may be told, and the counter's agency.
 */
public record ReportChangeRequest(
    @NotNull ChangeType changeType,
    @NotNull @Valid Subject subject,
    @NotNull District district,
    @NotBlank @Size(max = 2000) String details,
    @NotNull @Size(max = 20) List<@NotBlank @Size(max = 32) String> consentedAgencies,
    @NotBlank @Size(max = 32) String receivingAgency) {

  public record Subject(
      @NotBlank @NationalId String nationalId,
      @NotBlank @Size(max = 100) String name,
      @Email @Size(max = 254) String email) {}
}
