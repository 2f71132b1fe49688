package org.caserouting.cases;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The log of staff opening a case file or one of its documents, which the applicant is shown. */
@Repository
public class CaseFileReads {

  /** What was opened. */
  public enum What { CASE_FILE, DOCUMENT }

  /**
   * One opening: who (their id and agency roles), what (for a document, which file and which
   * required document it answers), when.
   */
  public record Read(String userId, String agencyRoles, What what, Long fileId, String documentCode, Instant at) {

    /** The first agency role the person held, as the applicant is told of it: an office and a role, not a name. */
    public Optional<AgencyGroups.AgencyRole> agencyRole() {
      return Arrays.stream(agencyRoles.split(",")).map(AgencyGroups::parse).flatMap(Optional::stream).findFirst();
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final byte[] readerKey;

  CaseFileReads(JdbcTemplate jdbc, Clock clock,
      @Value("${caserouting.tracking.reader-key:demo-only-reader-key}") String readerKey) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.readerKey = readerKey.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The person who read, as the applicant may know them: the same code for the same person within
   * one case, unrelated across cases, and no way back to the name without the server's key.
   */
  public String pseudonymOf(String applicationNo, String userId) {
    return "reader-" + Sha256.hmac(readerKey, applicationNo + "\n" + userId).substring(0, 10);
  }

  public void record(String applicationNo, Caller caller, What what, Long fileId, String documentCode) {
    String roles = String.join(",", caller.groups().stream()
        .filter(group -> AgencyGroups.parse(group).isPresent()).sorted().toList());
    jdbc.update("""
        insert into case_file_read (application_no, user_id, agency_roles, what, file_id, document_code, read_at)
        values (?, ?, ?, ?, ?, ?, ?)""",
        applicationNo, caller.userId(), roles, what.name(), fileId, documentCode, Timestamp.from(clock.instant()));
  }

  public List<Read> of(String applicationNo) {
    return jdbc.query("""
        select user_id, agency_roles, what, file_id, document_code, read_at from case_file_read
        where application_no = ? order by id""",
        (row, n) -> new Read(row.getString("user_id"), row.getString("agency_roles"), What.valueOf(row.getString("what")),
            (Long) row.getObject("file_id", Long.class), row.getString("document_code"), row.getTimestamp("read_at").toInstant()),
        applicationNo);
  }
}
