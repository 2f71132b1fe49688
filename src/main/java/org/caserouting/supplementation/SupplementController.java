package org.caserouting.supplementation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.ApplicationViews;
import org.caserouting.cases.Caller;
import org.caserouting.cases.SubmitApplicationRequest.Document;
import org.caserouting.cases.SubmittedDocument;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.documents.CheckedFile;
import org.caserouting.documents.FileChecks;
import org.caserouting.documents.Upload;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
class SupplementController {

  /** POST /api/applications/{applicationNo}/supplements: what the applicant supplies. */
  record SupplementBody(@NotEmpty @Size(max = 30) List<@NotNull @Valid Document> documents) {}

  private static final String SUPPLEMENT_PART = "supplement";

  private final Supplementation supplementation;
  private final ApplicationViews views;
  private final CaseTypeRepository caseTypes;
  private final FileChecks fileChecks;

  SupplementController(
      Supplementation supplementation, ApplicationViews views, CaseTypeRepository caseTypes, FileChecks fileChecks) {
    this.supplementation = supplementation;
    this.views = views;
    this.caseTypes = caseTypes;
    this.fileChecks = fileChecks;
  }

  /**
   * The applicant's documents come through the portal, or to the counter of the agency that
   * received the application (403 for anyone else: a supplement resumes the case and moves its
   * time limit).
   */
  @PostMapping("/api/applications/{applicationNo}/supplements")
  ApplicationView supplement(
      @PathVariable String applicationNo, @Valid @RequestBody SupplementBody body, Authentication authentication) {
    return supplement(applicationNo, body, List.of(), authentication);
  }

  /**
   * The same, with the applicant's files: a part "supplement" holding the JSON above, and one part
   * per file named by the code of the required document it answers. The files are checked and
   * scanned first, and stored with the supplement or not at all.
   */
  @PostMapping(path = "/api/applications/{applicationNo}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ApplicationView supplementWithFiles(
      @PathVariable String applicationNo, @Valid @RequestPart(SUPPLEMENT_PART) SupplementBody body,
      MultipartHttpServletRequest multipart, Authentication authentication) throws IOException {
    return supplement(applicationNo, body, Upload.of(multipart, SUPPLEMENT_PART), authentication);
  }

  private ApplicationView supplement(
      String applicationNo, SupplementBody body, List<Upload> uploads, Authentication authentication) {
    ApplicationView application = views.find(applicationNo);
    Caller caller = Caller.of(authentication);
    if (!caller.maySubmitTo(application.receivingAgency())) {
      throw new NotAllowedToSupplement(caller.userId(), application.receivingAgency());
    }
    List<CheckedFile> files = uploads.isEmpty() ? List.of()
        : fileChecks.check(caseTypes.findById(application.caseTypeCode()).orElseThrow(), uploads);
    supplementation.receive(
        applicationNo,
        body.documents().stream().map(d -> new SubmittedDocument(d.documentClass(), d.title())).toList(),
        files);
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
