package org.caserouting.assistance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.caserouting.meanstest.Exclusion;
import org.caserouting.meanstest.FigureKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The clerks' adjustments of a case's means test, in the order they were made. */
@Repository
class Adjustments {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Adjustments(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<Adjustment> of(String applicationNo) {
    return jdbc.query("select * from means_test_adjustment where application_no = ? order by id",
        (row, n) -> new Adjustment(row.getLong("id"), row.getString("national_id"),
            Adjustment.Kind.valueOf(row.getString("kind")),
            row.getString("ground") == null ? null : Exclusion.valueOf(row.getString("ground")),
            row.getString("figure_kind") == null ? null : FigureKind.valueOf(row.getString("figure_kind")),
            row.getBigDecimal("amount"), row.getString("reason"), row.getString("made_by"),
            row.getTimestamp("made_at").toInstant()),
        applicationNo);
  }

  void add(String applicationNo, String nationalId, Adjustment.Kind kind, Exclusion ground, FigureKind figure,
      java.math.BigDecimal amount, String reason, String by) {
    jdbc.update("insert into means_test_adjustment (application_no, national_id, kind, ground, figure_kind, amount,"
            + " reason, made_by, made_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        applicationNo, nationalId, kind.name(), ground == null ? null : ground.name(),
        figure == null ? null : figure.name(), amount, reason.strip(), by, Timestamp.from(clock.instant()));
  }
}
