package org.caserouting.documents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.caserouting.platform.engine.HistoryRetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's files are kept as long as the case's history (caserouting.retention, the
 * intake's period): once a case has been decided or withdrawn for longer, its files go, and so
 * does any content no other case still names. Nightly, on every node; deleting twice is harmless.
 */
@Component
public class FileRetention {

  private static final Logger log = LoggerFactory.getLogger(FileRetention.class);

  /** The process whose retention is the case's. */
  private static final String CASE_PROCESS = "case-intake";

  private final JdbcTemplate jdbc;
  private final HistoryRetentionProperties retention;
  private final Clock clock;

  FileRetention(JdbcTemplate jdbc, HistoryRetentionProperties retention, Clock clock) {
    this.jdbc = jdbc;
    this.retention = retention;
    this.clock = clock;
  }

  /** Removes the files of cases ended before the retention period; returns how many. When: caserouting.documents.retention-cron. */
  @Scheduled(cron = "${caserouting.documents.retention-cron:0 30 22 * * *}", zone = "${caserouting.calendar.zone:Asia/Taipei}")
  @Transactional
  public int removeExpired() {
    Instant endedBefore = clock.instant().minus(Duration.ofDays(retention.daysFor(CASE_PROCESS)));
    int files = jdbc.update("""
        delete from application_file where application_no in
          (select application_no from application where decided_at is not null and decided_at < ?)""",
        Timestamp.from(endedBefore));
    // A mail's attachment (the decision letter) goes with the case's files; the record of the mail stays.
    jdbc.update("""
        update notification set attachment_sha256 = null where attachment_sha256 is not null and not exists
          (select 1 from application_file where application_file.sha256 = notification.attachment_sha256)""");
    int contents = jdbc.update("""
        delete from document_content where not exists
          (select 1 from application_file where application_file.sha256 = document_content.sha256)""");
    if (files > 0) {
      log.info("Removed {} file(s) of cases ended before {}, and {} content(s) no case names any more",
          files, endedBefore, contents);
    }
    return files;
  }
}
