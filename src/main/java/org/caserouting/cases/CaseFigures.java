package org.caserouting.cases;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import org.caserouting.platform.WorkingDayCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The oversight figures of each case (研考), kept as the case moves so the reports need not read
 * the engine's history: when it was received and its time limit, its supplement requests (補正)
 * and the working days it waited for them, and when and how it was closed, in how many working
 * days, and whether on time. On time is as the law counts it: the days waiting for the applicant
 * do not count against the limit.
 */
@Repository
public class CaseFigures {

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;

  CaseFigures(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  public void received(String applicationNo, String receivingAgency, String caseTypeCode, Instant at,
      int timeLimitDays) {
    jdbc.update("insert into case_figures (application_no, receiving_agency, case_type_code, received_on,"
            + " time_limit_days) values (?, ?, ?, ?, ?)",
        applicationNo, receivingAgency, caseTypeCode, Date.valueOf(calendar.dateOf(at)), timeLimitDays);
  }

  public void supplementRequested(String applicationNo) {
    jdbc.update("update case_figures set supplements = supplements + 1 where application_no = ?", applicationNo);
  }

  public void supplied(String applicationNo, int pausedWorkingDays) {
    jdbc.update("update case_figures set paused_working_days = paused_working_days + ? where application_no = ?",
        pausedWorkingDays, applicationNo);
  }

  /** Closed: decided (APPROVED, REJECTED) or withdrawn; its lead time and whether it kept the limit. */
  public void closed(String applicationNo, Instant receivedAt, String outcome, Instant at) {
    LocalDate closedOn = calendar.dateOf(at);
    int lead = calendar.workingDaysBetween(calendar.dateOf(receivedAt), closedOn);
    jdbc.update("update case_figures set closed_on = ?, outcome = ?, lead_working_days = ?,"
            + " on_time = (? - paused_working_days <= time_limit_days) where application_no = ?",
        Date.valueOf(closedOn), outcome, lead, lead, applicationNo);
  }
}
