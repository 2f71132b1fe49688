package org.caserouting.supplementation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.ApplicationViews;
import org.caserouting.cases.Caller;
import org.caserouting.cases.SubmitApplicationRequest.Document;
import org.caserouting.cases.SubmittedDocument;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SupplementController {

  /** POST /api/applications/{applicationNo}/supplements: what the applicant supplies. */
  record SupplementBody(@NotEmpty @Size(max = 30) List<@NotNull @Valid Document> documents) {}

  private final Supplementation supplementation;
  private final ApplicationViews views;

  SupplementController(Supplementation supplementation, ApplicationViews views) {
    this.supplementation = supplementation;
    this.views = views;
  }

  /**
   * The applicant's documents come through the portal, or to the counter of the agency that
   * received the application (403 for anyone else: a supplement resumes the case and moves its
   * time limit).
   */
  @PostMapping("/api/applications/{applicationNo}/supplements")
  ApplicationView supplement(
      @PathVariable String applicationNo, @Valid @RequestBody SupplementBody body, Authentication authentication) {
    ApplicationView application = views.find(applicationNo);
    Caller caller = Caller.of(authentication);
    if (!caller.maySubmitTo(application.receivingAgency())) {
      throw new NotAllowedToSupplement(caller.userId(), application.receivingAgency());
    }
    supplementation.receive(
        applicationNo,
        body.documents().stream().map(d -> new SubmittedDocument(d.documentClass(), d.title())).toList());
    return views.find(applicationNo);
  }

  static final class NotAllowedToSupplement extends ApiProblem {
    NotAllowedToSupplement(String user, String agency) {
      super(HttpStatus.FORBIDDEN, "not-allowed-to-supplement", "Not allowed to supply documents here",
          "僅市民服務平台及受理機關承辦人可為此案補正 User '" + user + "' may not supply documents for this"
              + " application: the city portal and the clerks of " + agency + ", which received it, may.",
          Map.of("receivingAgency", agency));
    }
  }
}
