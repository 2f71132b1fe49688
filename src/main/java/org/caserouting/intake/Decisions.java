package org.caserouting.intake;

import java.time.Clock;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseFigures;
import org.caserouting.cases.Decision;
import org.caserouting.catalog.Channel;
import org.caserouting.catalog.Route;
import org.caserouting.letters.DecisionLetters;
import org.caserouting.mail.Notifications;
import org.caserouting.receipts.Receipt;
import org.caserouting.receipts.Receipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the intake records on the application as its case moves: how it is handled, and how it ends. */
@Service
class Decisions {

  private static final Logger log = LoggerFactory.getLogger(Decisions.class);

  private final ApplicationRepository applications;
  private final Receipts receipts;
  private final Notifications notifications;
  private final DecisionLetters letters;
  private final Clock clock;
  private final CaseFigures figures;

  Decisions(ApplicationRepository applications, Receipts receipts, Notifications notifications,
      DecisionLetters letters, Clock clock, CaseFigures figures) {
    this.figures = figures;
    this.applications = applications;
    this.receipts = receipts;
    this.notifications = notifications;
    this.letters = letters;
    this.clock = clock;
  }

  /** The channel and route the decision tables gave inside the process are the ones of record. */
  @Transactional
  public void recordHandling(String applicationNo, Channel channel, Route route) {
    applications.require(applicationNo).recordHandling(channel, route);
  }

  /**
   * The route's decision, on the application and signed, so any agency can verify it without
   * calling us; and as a letter (處分書) in the case file, carrying that signed receipt.
   */
  @Transactional
  public void recordDecision(String applicationNo, Decision decision, String reason) {
    Application application = applications.require(applicationNo);
    application.decide(decision, reason, clock.instant());
    figures.closed(applicationNo, application.getSubmittedAt(), decision.name(), application.getDecidedAt());
    Receipt receipt = receipts.issue(application, Receipt.Kind.DECISION);
    letters.issue(application, receipt);
    log.info("Decision recorded: {}", decision);
  }

  /** The applicant is told the decision, with its letter. */
  @Transactional
  public void tellApplicant(String applicationNo) {
    Application application = applications.require(applicationNo);
    notifications.decision(application.getApplicationNo(), application.getApplicantEmail(),
        application.getDecision() == Decision.APPROVED, application.getDecisionReason(),
        letters.of(applicationNo).map(letter -> new Notifications.Attachment(letter.sha256(), letter.fileName()))
            .orElse(null));
  }
}
