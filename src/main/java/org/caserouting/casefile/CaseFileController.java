package org.caserouting.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.caserouting.assistance.AdjustmentRequest;
import org.caserouting.assistance.CaseMeansTest;
import org.caserouting.assistance.MeansTestAdjusting;
import org.caserouting.cases.ApplicationView;
import org.caserouting.cases.ApplicationViews;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseAccess;
import org.caserouting.cases.CaseEventRepository;
import org.caserouting.cases.CaseFileReads;
import org.caserouting.cases.CurrentStages;
import org.caserouting.catalog.CaseTypeView;
import org.caserouting.catalog.Catalog;
import org.caserouting.catalog.RequiredDocument;
import org.caserouting.documents.ApplicationFiles;
import org.caserouting.fieldstep.FieldSteps;
import org.caserouting.meanstest.AgencyRecords;
import org.caserouting.meanstest.Exclusion;
import org.caserouting.meanstest.FigureKind;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.WebappCsrf;
import org.caserouting.review.JointReview;
import org.caserouting.signoff.SignOffChain;
import org.caserouting.supplementation.Supplementation;
import org.caserouting.verification.EvidenceLog;
import org.caserouting.verification.Verification;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case file (案卷), for staff of every agency the case has reached: the application and the
 * applicant's files, what the agencies answered to the case's queries, every co-review answer,
 * field step and inspection's minutes, the sign-offs with their chain checked, the deadlines, the
 * case's events, and who has opened it. The same rule decides who may open it as everywhere ({@link CaseAccess}), and every opening
 * of the file or of a document is logged ({@link CaseFileReads}).
 */
@Controller
class CaseFileController {

  /** One answer of the application's own form, under its label. */
  record FormAnswer(String label, String value) {}

  private final CaseAccess access;
  private final ApplicationViews views;
  private final ApplicationFiles files;
  private final SignOffChain signOffs;
  private final CaseEventRepository events;
  private final CaseFileReads reads;
  private final CalendarProperties calendar;
  private final Catalog catalog;
  private final Verification verification;
  private final EvidenceLog evidence;
  private final JointReview jointReview;
  private final FieldSteps fieldSteps;
  private final CurrentStages stages;
  private final Supplementation supplementation;
  private final CaseAssignments assignments;
  private final CaseMeansTest meansTest;
  private final MeansTestAdjusting adjusting;

  CaseFileController(CaseAccess access, ApplicationViews views, ApplicationFiles files, SignOffChain signOffs,
      CaseEventRepository events, CaseFileReads reads, CalendarProperties calendar, Catalog catalog,
      Verification verification, EvidenceLog evidence, JointReview jointReview, FieldSteps fieldSteps,
      CurrentStages stages, Supplementation supplementation, CaseAssignments assignments, CaseMeansTest meansTest,
      MeansTestAdjusting adjusting) {
    this.assignments = assignments;
    this.meansTest = meansTest;
    this.adjusting = adjusting;
    this.verification = verification;
    this.evidence = evidence;
    this.jointReview = jointReview;
    this.fieldSteps = fieldSteps;
    this.stages = stages;
    this.supplementation = supplementation;
    this.calendar = calendar;
    this.catalog = catalog;
    this.access = access;
    this.views = views;
    this.files = files;
    this.signOffs = signOffs;
    this.events = events;
    this.reads = reads;
  }

  @GetMapping("/cases/{applicationNo}")
  String caseFile(@PathVariable String applicationNo, Authentication signedIn, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    try {
      access.requireReadable(applicationNo, signedIn);
    } catch (ApiProblem refused) {
      return refused(applicationNo, refused.status().value(), model, response);
    }
    reads.record(applicationNo, Caller.of(signedIn), CaseFileReads.What.CASE_FILE, null, null);
    ApplicationView theCase = views.find(applicationNo);
    CaseTypeView type = catalog.caseType(theCase.caseTypeCode());
    model.addAttribute("theCase", theCase); // "application" is the servlet context in Thymeleaf
    model.addAttribute("type", type);
    model.addAttribute("filedBy", views.filedBy(applicationNo));
    JsonNode data = views.applicationData(applicationNo);
    model.addAttribute("formAnswers", catalog.applicationForm(theCase.caseTypeCode()).fields().stream()
        .filter(field -> data.hasNonNull(field.name()))
        .map(field -> new FormAnswer(field.label(), field.shown(data.get(field.name()))))
        .toList());
    var documents = type.requiredDocuments().stream()
        .collect(Collectors.toMap(CaseTypeView.DocumentView::code, d -> d.nameZh() + " " + d.nameEn(), (a, b) -> a,
            java.util.HashMap::new));
    documents.put(RequiredDocument.MANDATE.getCode(), RequiredDocument.MANDATE.getNameZh() + " " + RequiredDocument.MANDATE.getNameEn());
    documents.put(ApplicationFiles.DECISION_LETTER,
        ApplicationFiles.DECISION_LETTER_ZH + " " + ApplicationFiles.DECISION_LETTER_EN);
    model.addAttribute("documents", documents);
    model.addAttribute("agencies", new Agencies(catalog));
    model.addAttribute("files", files.of(applicationNo));
    model.addAttribute("signOffs", signOffs.verify(applicationNo));
    model.addAttribute("events", events.findByApplicationNoOrderByOccurredAtAscIdAsc(applicationNo));
    model.addAttribute("reads", reads.of(applicationNo));
    model.addAttribute("answers", verification.answers(applicationNo));
    model.addAttribute("queries", evidence.of(applicationNo));
    CaseMeansTest.View means = meansTest.view(applicationNo).orElse(null);
    model.addAttribute("meansTest", means);
    model.addAttribute("meansTestSummary", means == null ? null : CaseMeansTest.summary(means));
    model.addAttribute("meansTestAdjustable", means != null && adjusting.mayAdjust(applicationNo, Caller.of(signedIn).userId()));
    model.addAttribute("exclusions", Exclusion.values());
    model.addAttribute("figureKinds", FigureKind.values());
    model.addAttribute("coReviews", jointReview.of(applicationNo));
    model.addAttribute("fieldSteps", fieldSteps.of(applicationNo));
    model.addAttribute("stages", stages.of(applicationNo));
    model.addAttribute("supplements", supplementation.of(applicationNo));
    model.addAttribute("assignable", assignments.of(applicationNo, Caller.of(signedIn)));
    model.addAttribute("csrf", WebappCsrf.token(request));
    model.addAttribute("time", new Times(calendar.zone()));
    model.addAttribute("money", new Money());
    model.addAttribute("roles", new Roles());
    return "casefile";
  }

  /**
   * 分案: the chief or director hands one of the case's tasks to a clerk of the agency, or back to
   * the agency's list. The form carries the Tasklist session's own CSRF token; the engine decides
   * whether the assignment may be made.
   */
  @PostMapping("/cases/{applicationNo}/assign")
  String assign(@PathVariable String applicationNo, @RequestParam String taskId,
      @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String csrf,
      Authentication signedIn, Model model, HttpServletRequest request, HttpServletResponse response) {
    if (!WebappCsrf.matches(request, csrf)) {
      return refused(applicationNo, 403, model, response);
    }
    try {
      access.requireReadable(applicationNo, signedIn);
      assignments.assign(applicationNo, taskId, assignee, Caller.of(signedIn));
    } catch (ApiProblem refused) {
      return refused(applicationNo, refused.status().value(), model, response);
    } catch (org.camunda.bpm.engine.AuthorizationException | org.camunda.bpm.engine.BadUserRequestException refused) {
      String page = caseFile(applicationNo, signedIn, model, request, response);
      response.setStatus(refused instanceof org.camunda.bpm.engine.AuthorizationException ? 403
          : refused instanceof org.camunda.bpm.engine.exception.NotFoundException ? 404 : 400);
      model.addAttribute("assignError", refused.getMessage());
      return page;
    }
    return "redirect:/cases/" + applicationNo + "#assign";
  }

  /**
   * The clerk holding the case adjusts its means test: a person left out on a ground of §5 III, or
   * a figure set, each with the written reason. The same rules as the API's
   * ({@link MeansTestAdjusting}); a refusal is shown on the page, above the form.
   */
  @PostMapping("/cases/{applicationNo}/means-test/adjustments")
  String adjustMeansTest(@PathVariable String applicationNo, @RequestParam(defaultValue = "") String member,
      @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String ground,
      @RequestParam(defaultValue = "") String figure, @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String csrf,
      Authentication signedIn, Model model, HttpServletRequest request, HttpServletResponse response) {
    if (!WebappCsrf.matches(request, csrf)) {
      return refused(applicationNo, 403, model, response);
    }
    try {
      access.requireReadable(applicationNo, signedIn);
      adjusting.adjust(applicationNo, AdjustmentRequest.fromForm(member, kind, ground, figure, amount, reason),
          Caller.of(signedIn).userId());
    } catch (ApiProblem refused) {
      if (refused.status().value() == 404) {
        return refused(applicationNo, 404, model, response);
      }
      String page = caseFile(applicationNo, signedIn, model, request, response);
      response.setStatus(refused.status().value());
      model.addAttribute("meansTestError", refused.getMessage() + problems(refused));
      return page;
    }
    return "redirect:/cases/" + applicationNo + "#means-test";
  }

  /** The refusal page, with its status: the file is not shown. */
  private static String refused(String applicationNo, int status, Model model, HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("applicationNo", applicationNo);
    model.addAttribute("status", status);
    return "casefile-refused";
  }

  private static String problems(ApiProblem refused) {
    Object errors = refused.properties().get("errors");
    return errors instanceof java.util.List<?> list
        ? list.stream().map(e -> e instanceof InvalidField f ? f.message() : String.valueOf(e))
            .collect(java.util.stream.Collectors.joining("；", "：", ""))
        : "";
  }

  /** An amount of the means test as the form and the letter write it: 25,462.5. */
  record Money() {
    public String of(BigDecimal amount) {
      return amount == null ? "" : AgencyRecords.money(amount);
    }
  }

  /** An agency's name, zh-TW and English, by its code; the code itself for one the catalog lacks. */
  record Agencies(Catalog catalog) {
    public String name(String code) {
      return catalog.agencyName(code);
    }
  }

  /** A role as the clerks say it, zh-TW and English, from the English name a stage carries. */
  record Roles() {
    public String name(String nameEn) {
      return java.util.Arrays.stream(org.caserouting.platform.AgencyGroups.Role.values())
          .filter(role -> role.nameEn().equals(nameEn)).findFirst()
          .map(role -> role.nameZh() + " " + role.nameEn()).orElse(nameEn == null ? "" : nameEn);
    }
  }

  /** Times as the city reads them, to the minute; nothing for none. */
  record Times(ZoneId zone) {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String of(Instant at) {
      return at == null ? "" : MINUTE.format(at.atZone(zone));
    }
  }

  /** One of the case's documents, shown in the browser (PDF and images), never run as a page. */
  @GetMapping("/cases/{applicationNo}/files/{id}")
  ResponseEntity<byte[]> document(@PathVariable String applicationNo, @PathVariable long id, Authentication signedIn) {
    try {
      access.requireReadable(applicationNo, signedIn);
    } catch (ApiProblem refused) {
      return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_PLAIN)
          .body("無權查看 Not a case of your agency".getBytes(StandardCharsets.UTF_8));
    }
    var file = files.of(applicationNo).stream().filter(stored -> stored.id() == id).findFirst();
    var content = file.flatMap(stored -> files.content(stored.sha256()));
    if (content.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    reads.record(applicationNo, Caller.of(signedIn), CaseFileReads.What.DOCUMENT, id, file.get().documentCode());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.get().mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(file.get().fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content.get());
  }
}
