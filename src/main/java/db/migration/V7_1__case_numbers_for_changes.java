package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The applicant's notices and the evidence of agency calls now belong to an application or to a
 * change report (change_report.change_no), so their application_no column is a case number and no
 * longer references application alone. The constraints were created without names, which differ
 * between PostgreSQL and H2; they are found by what they reference.
 */
public class V7_1__case_numbers_for_changes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    for (String table : List.of("notification", "verification_evidence")) {
      for (String constraint : foreignKeysToApplication(connection, table)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("alter table " + table + " drop constraint " + constraint);
        }
      }
    }
  }

  private static List<String> foreignKeysToApplication(Connection connection, String table) throws Exception {
    List<String> names = new ArrayList<>();
    String schema = connection.getSchema();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet keys = connection.getMetaData().getImportedKeys(null, schema, name)) {
        while (keys.next()) {
          if ("application".equalsIgnoreCase(keys.getString("PKTABLE_NAME")) && !names.contains(keys.getString("FK_NAME"))) {
            names.add(keys.getString("FK_NAME"));
          }
        }
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("No foreign key from " + table + " to application was found");
    }
    return names;
  }
}
