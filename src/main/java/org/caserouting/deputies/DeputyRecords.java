package org.caserouting.deputies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caserouting.platform.AgencyGroups.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The stored acting deputies, and the tasks handed from an absent person to their deputy. */
@Repository
class DeputyRecords {

  private static final String COLUMNS = "id, agency, role, absent_user, deputy_user, starts_at, ends_at, reason,"
      + " named_by, named_at, ended_by, ended_at, handed_over, released";

  private final JdbcTemplate jdbc;

  DeputyRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String agency, Role role, String absent, String deputy, Instant from, Instant to, String reason,
      String namedBy, Instant namedAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into acting_deputy (agency, role, absent_user, deputy_user,"
          + " starts_at, ends_at, reason, named_by, named_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, agency);
      insert.setString(2, role.name());
      insert.setString(3, absent);
      insert.setString(4, deputy);
      insert.setTimestamp(5, Timestamp.from(from));
      insert.setTimestamp(6, Timestamp.from(to));
      insert.setString(7, reason);
      insert.setString(8, namedBy);
      insert.setTimestamp(9, Timestamp.from(namedAt));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  Optional<ActingDeputy> find(long id) {
    return jdbc.query("select " + COLUMNS + " from acting_deputy where id = ?", DeputyRecords::row, id)
        .stream().findFirst();
  }

  /** Every period whose tasks are not yet taken back: those to come, those running, those just over. */
  List<ActingDeputy> unreleased() {
    return jdbc.query("select " + COLUMNS + " from acting_deputy where released = false order by starts_at, id",
        DeputyRecords::row);
  }

  /** The agency's periods that end after {@code since}, latest start first. */
  List<ActingDeputy> ofAgency(String agency, Instant since) {
    return jdbc.query("select " + COLUMNS + " from acting_deputy where agency = ? and ends_at > ?"
        + " order by starts_at desc, id desc", DeputyRecords::row, agency, Timestamp.from(since));
  }

  /** Every period naming one of these people, absent or deputy, that is not over by {@code since}. */
  List<ActingDeputy> involving(List<String> users, Instant since) {
    String marks = users.stream().map(user -> "?").collect(Collectors.joining(", "));
    Object[] arguments = new Object[users.size() * 2 + 1];
    for (int i = 0; i < users.size(); i++) {
      arguments[i] = users.get(i);
      arguments[users.size() + i] = users.get(i);
    }
    arguments[arguments.length - 1] = Timestamp.from(since);
    return jdbc.query("select " + COLUMNS + " from acting_deputy where (absent_user in (" + marks + ")"
        + " or deputy_user in (" + marks + ")) and coalesce(ended_at, ends_at) > ?", DeputyRecords::row, arguments);
  }

  void end(long id, String by, Instant at) {
    jdbc.update("update acting_deputy set ended_by = ?, ended_at = ? where id = ? and ended_at is null",
        by, Timestamp.from(at), id);
  }

  void markHandedOver(long id) {
    jdbc.update("update acting_deputy set handed_over = true where id = ?", id);
  }

  void markReleased(long id) {
    jdbc.update("update acting_deputy set released = true where id = ?", id);
  }

  void handedTask(long id, String taskId, String from) {
    jdbc.update("insert into acting_deputy_task (deputy_id, task_id, handed_from) values (?, ?, ?)", id, taskId, from);
  }

  /** The tasks the absent person had in hand when the period began, by task id: to whom each goes back. */
  Map<String, String> handedTasks(long id) {
    return jdbc.query("select task_id, handed_from from acting_deputy_task where deputy_id = ?",
            (row, n) -> Map.entry(row.getString(1), row.getString(2)), id)
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static ActingDeputy row(ResultSet row, int n) throws SQLException {
    Timestamp endedAt = row.getTimestamp("ended_at");
    return new ActingDeputy(
        row.getLong("id"), row.getString("agency"), Role.valueOf(row.getString("role")), row.getString("absent_user"),
        row.getString("deputy_user"), row.getTimestamp("starts_at").toInstant(), row.getTimestamp("ends_at").toInstant(),
        row.getString("reason"), row.getString("named_by"), row.getTimestamp("named_at").toInstant(),
        row.getString("ended_by"), endedAt == null ? null : endedAt.toInstant(), row.getBoolean("handed_over"),
        row.getBoolean("released"));
  }
}
