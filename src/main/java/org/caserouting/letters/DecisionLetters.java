package org.caserouting.letters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caserouting.assistance.CaseMeansTest;
import org.caserouting.cases.Application;
import org.caserouting.cases.Decision;
import org.caserouting.cases.TrackingLinks;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.Catalog;
import org.caserouting.documents.ApplicationFiles;
import org.caserouting.documents.ApplicationFiles.StoredFile;
import org.caserouting.documents.CheckedFile;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.Sha256;
import org.caserouting.receipts.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision as a letter (處分書): made from the decision, the catalog and the signed decision
 * receipt when a case is decided, and kept in the case file beside the applicant's files, addressed
 * by its SHA-256. The applicant gets it by mail and on /track.
 */
@Service
public class DecisionLetters {

  private static final Logger log = LoggerFactory.getLogger(DecisionLetters.class);

  private final LetterFont font;
  private final ApplicationFiles files;
  private final Catalog catalog;
  private final CaseTypeRepository caseTypes;
  private final TrackingLinks links;
  private final CalendarProperties calendar;
  private final Clock clock;
  private final CaseMeansTest meansTest;

  DecisionLetters(LetterFont font, ApplicationFiles files, Catalog catalog, CaseTypeRepository caseTypes,
      TrackingLinks links, CalendarProperties calendar, Clock clock, CaseMeansTest meansTest) {
    this.meansTest = meansTest;
    this.font = font;
    this.caseTypes = caseTypes;
    this.files = files;
    this.catalog = catalog;
    this.links = links;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Sets the letter of a decided application and keeps it in the case file, in the decision's own
   * transaction. Without a font installed the decision stands and is mailed without its letter;
   * the start's log says so.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void issue(Application application, Receipt decisionReceipt) {
    if (application.getDecision() == null || decisionReceipt.getKind() != Receipt.Kind.DECISION) {
      throw new IllegalArgumentException("A decision letter needs a decided application and its decision receipt");
    }
    if (font.font().isEmpty()) {
      log.warn("No decision letter for {}: no Traditional Chinese font is installed", application.getApplicationNo());
      return;
    }
    byte[] pdf = LetterPdf.render(letterOf(application, decisionReceipt), font.font().get());
    Instant now = clock.instant();
    String name = ApplicationFiles.DECISION_LETTER_ZH + "-" + application.getApplicationNo() + ".pdf";
    files.attach(application.getApplicationNo(),
        List.of(new CheckedFile(ApplicationFiles.DECISION_LETTER, name, "application/pdf", pdf.length, Sha256.of(pdf), pdf)),
        ApplicationFiles.Source.DECISION, now);
  }

  /** The case's decision letter, the latest if it was decided again. */
  @Transactional(readOnly = true)
  public Optional<StoredFile> of(String applicationNo) {
    return files.of(applicationNo).stream()
        .filter(file -> file.source() == ApplicationFiles.Source.DECISION)
        .reduce((earlier, later) -> later);
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> content(StoredFile letter) {
    return files.content(letter.sha256());
  }

  DecisionLetter letterOf(Application application, Receipt receipt) {
    CaseTypeRepository.Citation type = caseTypes.findCitationByCode(application.getCaseTypeCode()).orElseThrow();
    Agency issuer = catalog.agency(application.getReceivingAgency()).orElseThrow();
    return new DecisionLetter(
        application.getApplicationNo(),
        application.getDecidedAt().atZone(calendar.zone()).toLocalDate(),
        new DecisionLetter.Party(issuer.getNameZh(), issuer.getNameEn()),
        application.getApplicantName(),
        type.getNameZh(),
        type.getNameEn(),
        application.getDecision() == Decision.APPROVED,
        application.getDecisionReason(),
        meansTest.view(application.getApplicationNo()).map(CaseMeansTest::forApplicant).map(CaseMeansTest::explanation)
            .orElse(null),
        type.getLegalBasisZh(),
        type.getLegalBasisEn(),
        AppealAuthority.of(issuer, catalog::agency),
        receipt.getJws(),
        links.trackPage());
  }
}
