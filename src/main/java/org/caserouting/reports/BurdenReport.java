package org.caserouting.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who carries whose work (the paper's unequal burden between agencies), per pair of agencies in
 * a period, counted by the database: the first agency's cases asked the second for data (and how
 * many were answered, online or by its clerks through a contact slip), asked it to co-review or to
 * attend a joint site inspection, or passed it a citizen's change (N合一).
 */
@Service
public class BurdenReport {

  /**
   * Work the second agency did for the first in the period.
   *
   * @param asked queries of the second agency's data for the first agency's cases
   * @param answered of those, answered online
   * @param contactSlips contact slips (聯繫單) the second agency's clerks answered by hand
   * @param coReviews co-reviews (會辦) the second agency was asked for, on cases received in the period
   * @param inspections joint site inspections (聯合會勘) the second agency was called to, likewise
   * @param changeNotices citizens' changes reported at the first agency's counter and passed to the second
   */
  public record AgencyPair(
      String requestingAgency, String sourceAgency, long asked, long answered, long contactSlips, long coReviews,
      long inspections, long changeNotices) {}

  private final JdbcTemplate jdbc;

  BurdenReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every pair with work in [from, to), ordered by the first agency, then the second. */
  @Transactional(readOnly = true)
  public List<AgencyPair> between(Instant from, Instant to) {
    Map<String, long[]> byPair = new TreeMap<>();
    Timestamp start = Timestamp.from(from);
    Timestamp end = Timestamp.from(to);
    // Queries and contact slips: the evidence rows, except the changes passed on online (counted below).
    add(byPair, 0, """
        select requesting_agency, source_agency,
               sum(case when outcome <> 'ANSWERED_BY_CLERK' then 1 else 0 end),
               sum(case when outcome = 'ANSWERED' then 1 else 0 end),
               sum(case when outcome = 'ANSWERED_BY_CLERK' then 1 else 0 end)
        from verification_evidence
        where step <> 'changeNotification' and occurred_at >= ? and occurred_at < ?
        group by requesting_agency, source_agency""", start, end);
    add(byPair, 3, """
        select a.receiving_agency, c.agency, count(*),
               sum(case when c.inspection_answer is not null then 1 else 0 end)
        from co_review c join application a on a.application_no = c.application_no
        where c.removed_reason is null and a.submitted_at >= ? and a.submitted_at < ?
        group by a.receiving_agency, c.agency""", start, end);
    add(byPair, 5, """
        select r.receiving_agency, n.agency, count(*)
        from change_notice n join change_report r on r.change_no = n.change_no
        where n.consented = true and r.reported_at >= ? and r.reported_at < ?
        group by r.receiving_agency, n.agency""", start, end);
    return byPair.entrySet().stream()
        .map(pair -> {
          String[] agencies = pair.getKey().split("→", 2);
          long[] n = pair.getValue();
          return new AgencyPair(agencies[0], agencies[1], n[0], n[1], n[2], n[3], n[4], n[5]);
        })
        .toList();
  }

  /** Adds each row's counts (after the two agency columns) to the pair's counts from {@code offset}. */
  private void add(Map<String, long[]> byPair, int offset, String sql, Object... arguments) {
    jdbc.query(sql, row -> {
      long[] counts = byPair.computeIfAbsent(row.getString(1) + "→" + row.getString(2), pair -> new long[6]);
      int columns = row.getMetaData().getColumnCount();
      for (int column = 3; column <= columns; column++) {
        counts[offset + column - 3] += row.getLong(column);
      }
    }, arguments);
  }
}
