package org.caserouting.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of each case, in the database both nodes share and backups include. Content is kept
 * once per SHA-256, however many cases or supplements carry it.
 */
@Repository
public class ApplicationFiles {

  /** Why a file came: with the application, or with a supplement (補正); or the city issued it. */
  public enum Source { APPLICATION, SUPPLEMENT, DECISION }

  /** The decision letter (處分書), a file of the case the city issued: its document code and name. */
  public static final String DECISION_LETTER = "DECISION_LETTER";
  public static final String DECISION_LETTER_ZH = "處分書";
  public static final String DECISION_LETTER_EN = "Decision letter";

  /** A file of a case, without its content. */
  public record StoredFile(
      long id, String documentCode, String fileName, String mediaType, long size, String sha256, Source source,
      Instant receivedAt) {}

  private final JdbcTemplate jdbc;

  ApplicationFiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the files as the case's, in the caller's transaction: with the application, or not at all. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void attach(String applicationNo, List<CheckedFile> files, Source source, Instant at) {
    Timestamp when = Timestamp.from(at);
    for (CheckedFile file : files) {
      jdbc.update("""
          insert into document_content (sha256, media_type, size_bytes, content, stored_at)
          select ?, ?, ?, ?, ? where not exists (select 1 from document_content where sha256 = ?)""",
          file.sha256(), file.mediaType(), file.size(), file.content(), when, file.sha256());
      jdbc.update("""
          insert into application_file
            (application_no, document_code, file_name, media_type, size_bytes, sha256, source, received_at)
          values (?, ?, ?, ?, ?, ?, ?, ?)""",
          applicationNo, file.documentCode(), file.fileName(), file.mediaType(), file.size(), file.sha256(),
          source.name(), when);
    }
  }

  public List<StoredFile> of(String applicationNo) {
    return jdbc.query("""
        select id, document_code, file_name, media_type, size_bytes, sha256, source, received_at
        from application_file where application_no = ? order by id""",
        (row, n) -> new StoredFile(row.getLong("id"), row.getString("document_code"), row.getString("file_name"),
            row.getString("media_type"), row.getLong("size_bytes"), row.getString("sha256"),
            Source.valueOf(row.getString("source")), row.getTimestamp("received_at").toInstant()),
        applicationNo);
  }

  /** The bytes stored under this hash. */
  public Optional<byte[]> content(String sha256) {
    return jdbc.query("select content from document_content where sha256 = ?",
        (row, n) -> row.getBytes("content"), sha256).stream().findFirst();
  }
}
