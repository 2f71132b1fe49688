package org.caserouting.fieldstep;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.mail.Notifications;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.DateTimeInput;
import org.caserouting.platform.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A field step (現場作業) arranged with the applicant and its findings recorded: the visit, hearing
 * or review of items that an online application still needs. The applicant is told what, when and
 * where, by mail and on /track; the reviews read what was found.
 */
@Service
public class FieldSteps {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final FieldStepRepository steps;
  private final ApplicationRepository applications;
  private final CaseEvents events;
  private final Notifications mail;
  private final Clock clock;
  private final ZoneId zone;

  FieldSteps(FieldStepRepository steps, ApplicationRepository applications, CaseEvents events, Notifications mail,
      Clock clock, CalendarProperties calendar) {
    this.steps = steps;
    this.applications = applications;
    this.events = events;
    this.mail = mail;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  /** The case's field steps, arranged and recorded, oldest first. */
  @Transactional(readOnly = true)
  public java.util.List<FieldStep> of(String applicationNo) {
    return steps.findByApplicationNoOrderByIdAsc(applicationNo);
  }

  /**
   * The clerk's appointment with the applicant: in the future, at a place. The applicant is mailed.
   *
   * @return when it is
   */
  @Transactional
  public Instant arrange(String applicationNo, String agency, String what, String at, String place, String note,
      String by) {
    Instant when = DateTimeInput.parse(at, "appointmentAt", zone);
    if (!when.isAfter(clock.instant())) {
      throw new Refusal("約定時間須在未來 The appointment must be in the future.");
    }
    if (place == null || place.isBlank()) {
      throw new Refusal("須填約定地點 The appointment needs a place.");
    }
    steps.findOpen(applicationNo).ifPresent(earlier -> earlier.record(false, null, by, clock.instant()));
    steps.save(new FieldStep(applicationNo, agency, what, when, place.strip(), blankToNull(note), by, clock.instant()));
    String shown = SHOWN.format(when.atZone(zone));
    events.record(applicationNo, CaseEventKind.FIELD_STEP_ARRANGED, agency, shown + " " + place.strip());
    Application application = applications.require(applicationNo);
    String[] names = what.split(" / ", 2);
    mail.fieldStep(applicationNo, application.getApplicantEmail(), names[0], names.length > 1 ? names[1] : names[0],
        shown, place.strip(), blankToNull(note));
    return when;
  }

  /** What the clerk found; or that it did not take place, to be arranged again. Findings are required either way. */
  @Transactional
  public void record(String applicationNo, boolean tookPlace, String findings, String by) {
    if (findings == null || findings.isBlank()) {
      throw new Refusal(tookPlace ? "須記錄現場結果 Record what was found." : "須說明未能進行的原因 Say why it could not take place.");
    }
    FieldStep open = steps.findOpen(applicationNo)
        .orElseThrow(() -> new IllegalStateException("No field step arranged for " + applicationNo));
    open.record(tookPlace, findings.strip(), by, clock.instant());
    events.record(applicationNo, tookPlace ? CaseEventKind.FIELD_STEP_DONE : CaseEventKind.FIELD_STEP_MISSED,
        open.getAgency(), null);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
