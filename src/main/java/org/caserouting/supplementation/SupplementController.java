package org.caserouting.supplementation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.caserouting.intake.ApplicationView;
import org.caserouting.intake.IntakeService;
import org.caserouting.intake.SubmitApplicationRequest.Document;
import org.caserouting.intake.SubmittedDocument;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SupplementController {

  /** POST /api/applications/{applicationNo}/supplements: what the applicant supplies. */
  record SupplementBody(@NotEmpty @Size(max = 30) List<@NotNull @Valid Document> documents) {}

  private final Supplementation supplementation;
  private final IntakeService intake;

  SupplementController(Supplementation supplementation, IntakeService intake) {
    this.supplementation = supplementation;
    this.intake = intake;
  }

  @PostMapping("/api/applications/{applicationNo}/supplements")
  ApplicationView supplement(@PathVariable String applicationNo, @Valid @RequestBody SupplementBody body) {
    supplementation.receive(
        applicationNo,
        body.documents().stream().map(d -> new SubmittedDocument(d.documentClass(), d.title())).toList());
    return intake.find(applicationNo);
  }
}
