package org.caserouting.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A backlog of open tasks offered to agencies' clerks, as the engine makes them: a standalone task
 * with a name, a due date and a candidate group, with everything the engine and our authorization
 * provider write for it (the task, its identity link, its grants, their history).
 *
 * <p>Making a million of them through the engine takes hours on two cores, so past a handful the
 * engine makes one per group and the rest are written in bulk in PostgreSQL, each a copy of its
 * group's template row for row with its own id, name and due date. {@link #rowsOf} reads every
 * row that mentions a task, which is how BacklogTest proves a copy equal to a task the engine made.
 */
final class Backlog {

  /** Where the engine writes a task's rows, and the column that names the task. */
  static final Map<String, String> ROWS = rows();
  /** Columns of those rows that differ per task: ids (replaced) and times (now). */
  static final List<String> PER_TASK = List.of("id_", "task_id_", "resource_id_", "name_", "due_date_",
      "create_time_", "start_time_", "last_updated_", "removal_time_", "timestamp_");

  private final TaskService tasks;
  private final DataSource dataSource;

  Backlog(TaskService tasks, DataSource dataSource) {
    this.tasks = tasks;
    this.dataSource = dataSource;
  }

  private static Map<String, String> rows() {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("act_ru_task", "id_");
    rows.put("act_ru_identitylink", "task_id_");
    rows.put("act_ru_authorization", "resource_id_");
    rows.put("act_hi_taskinst", "id_");
    rows.put("act_hi_identitylink", "task_id_");
    return rows;
  }

  static String name(int n) {
    return "積案 Backlog " + n;
  }

  static Instant due(int n) {
    return Instant.now().plus(Duration.ofDays(1 + n % 60));
  }

  /** The engine makes task number n of the backlog, offered to the group. */
  String viaEngine(int n, String group) {
    Task task = tasks.newTask();
    task.setName(name(n));
    task.setDueDate(Date.from(due(n)));
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), group);
    return task.getId();
  }

  /**
   * Tasks numbered from {@code first}, {@code count} of them, spread over the groups in turn as
   * the engine-made backlog is: each group's template made by the engine, the rest copied in bulk.
   * Returns the number written.
   */
  int write(List<String> groups, int first, int count) throws SQLException {
    List<String> templates = new ArrayList<>();
    for (int g = 0; g < groups.size() && g < count; g++) {
      templates.add(viaEngine(first + g, groups.get(g)));
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("create temporary table backlog_copy (template text, id text, n int) on commit drop");
      }
      try (PreparedStatement ids = connection.prepareStatement(
          "insert into backlog_copy select ?, gen_random_uuid()::text, n from generate_series(?, ?, ?) n")) {
        for (int g = 0; g < templates.size(); g++) {
          int from = first + g + groups.size();
          int to = first + count - 1;
          if (from > to) {
            continue;
          }
          ids.setString(1, templates.get(g));
          ids.setInt(2, from);
          ids.setInt(3, to);
          ids.setInt(4, groups.size());
          ids.addBatch();
        }
        ids.executeBatch();
      }
      for (var table : ROWS.entrySet()) {
        copy(connection, table.getKey(), table.getValue());
      }
      connection.commit();
    }
    return count;
  }

  /** Every row of the table that names a template, once per copy, with the copy's own values. */
  private static void copy(Connection connection, String table, String taskColumn) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet result = connection.getMetaData().getColumns(null, null, table, null)) {
      while (result.next()) {
        columns.add(result.getString("COLUMN_NAME").toLowerCase());
      }
    }
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(column.equals(taskColumn) ? "c.id"
          : column.equals("id_") ? "gen_random_uuid()::text"
          : column.equals("name_") ? "'積案 Backlog ' || c.n"
          : column.equals("due_date_") ? "now() + (1 + c.n % 60) * interval '1 day'"
          : "t." + column);
    }
    String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
        + " from " + table + " t join backlog_copy c on t." + taskColumn + " = c.template";
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  /**
   * Every row of every table in the engine's schema that names the task, in any of the columns
   * that can: table, then the row's values but those that differ per task. Two tasks made alike
   * have equal lists.
   */
  List<String> rowsOf(String taskId) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      List<String[]> candidates = new ArrayList<>();
      try (ResultSet result = connection.getMetaData().getColumns(null, null, "act_%", null)) {
        while (result.next()) {
          String column = result.getString("COLUMN_NAME").toLowerCase();
          if (column.endsWith("id_") && result.getInt("DATA_TYPE") == java.sql.Types.VARCHAR) {
            candidates.add(new String[] {result.getString("TABLE_NAME").toLowerCase(), column});
          }
        }
      }
      for (String[] candidate : candidates) {
        try (PreparedStatement query = connection.prepareStatement(
            "select * from " + candidate[0] + " where " + candidate[1] + " = ? order by 1")) {
          query.setString(1, taskId);
          try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
              StringBuilder row = new StringBuilder(candidate[0]).append('.').append(candidate[1]);
              for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                String column = result.getMetaData().getColumnName(c).toLowerCase();
                if (!PER_TASK.contains(column)) {
                  row.append(' ').append(column).append('=').append(result.getString(c));
                }
              }
              found.add(row.toString());
            }
          }
        }
      }
    }
    found.sort(null);
    return found;
  }
}
