package org.caserouting.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The stored migrations; the request, dry run and outcome as JSON text. */
@Repository
class MigrationRecords {

  private static final String COLUMNS = "id, request, dry_run, status, proposed_by, proposed_at, reason, decided_by,"
      + " decided_at, level_index, batch_id, outcome, finished_at";
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final JdbcTemplate jdbc;

  MigrationRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(MigrationRequest request, DryRun dryRun, String proposedBy, Instant proposedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into model_migration (request, dry_run, status, proposed_by,"
          + " proposed_at, reason) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, json(request));
      insert.setString(2, json(dryRun));
      insert.setString(3, MigrationStatus.AWAITING_APPROVAL.name());
      insert.setString(4, proposedBy);
      insert.setTimestamp(5, Timestamp.from(proposedAt));
      insert.setString(6, request.reason().strip());
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  Optional<ModelMigration> find(long id) {
    return jdbc.query("select " + COLUMNS + " from model_migration where id = ?", MigrationRecords::row, id)
        .stream().findFirst();
  }

  /** The row, locked until the caller's transaction ends: one node at a time moves a migration on. */
  Optional<ModelMigration> lock(long id) {
    return jdbc.query("select " + COLUMNS + " from model_migration where id = ? for update", MigrationRecords::row, id)
        .stream().findFirst();
  }

  List<ModelMigration> latest(int limit) {
    return jdbc.query("select " + COLUMNS + " from model_migration order by id desc limit ?",
        MigrationRecords::row, limit);
  }

  List<Long> running() {
    return jdbc.queryForList("select id from model_migration where status = ? order by id", Long.class,
        MigrationStatus.RUNNING.name());
  }

  /** Approved or refused, once, by someone other than who proposed it; false when someone decided first. */
  boolean decide(long id, MigrationStatus status, String by, Instant at) {
    return jdbc.update("update model_migration set status = ?, decided_by = ?, decided_at = ? where id = ? and status = ?",
        status.name(), by, Timestamp.from(at), id, MigrationStatus.AWAITING_APPROVAL.name()) == 1;
  }

  void progress(long id, int levelIndex, String batchId, ModelMigration.Outcome outcome) {
    jdbc.update("update model_migration set level_index = ?, batch_id = ?, outcome = ? where id = ?",
        levelIndex, batchId, json(outcome), id);
  }

  void finish(long id, ModelMigration.Outcome outcome, Instant at) {
    jdbc.update("update model_migration set status = ?, batch_id = null, outcome = ?, finished_at = ? where id = ?",
        MigrationStatus.DONE.name(), json(outcome), Timestamp.from(at), id);
  }

  private static ModelMigration row(ResultSet row, int n) throws SQLException {
    String outcome = row.getString("outcome");
    return new ModelMigration(row.getLong("id"), read(row.getString("request"), MigrationRequest.class),
        read(row.getString("dry_run"), DryRun.class), MigrationStatus.valueOf(row.getString("status")),
        row.getString("proposed_by"), instant(row.getTimestamp("proposed_at")), row.getString("reason"),
        row.getString("decided_by"), instant(row.getTimestamp("decided_at")), row.getInt("level_index"),
        row.getString("batch_id"), outcome == null ? ModelMigration.Outcome.NONE : read(outcome, ModelMigration.Outcome.class),
        instant(row.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String text, Class<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored migration that does not read back: " + e.getOriginalMessage(), e);
    }
  }
}
