package org.caserouting.reports;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.WorkingDayCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The oversight figures (研考) per agency and application type in a period, from the figures each
 * case keeps as it moves ({@code case_figures}, {@code co_review}), never from a citizen's data:
 *
 * <ul>
 *   <li>received: cases accepted in the period; decided: cases approved or rejected in it, and
 *       withdrawn: closed for want of a supplement (補正) in it;
 *   <li>lead time of the decided cases, in working days from receipt to decision: the median and
 *       the 90th percentile, each a day some case took (nearest rank);
 *   <li>on time: decided within the type's limit, the days waiting for the applicant's supplement
 *       not counted, as the law counts them; supplemented: decided cases that waited for one;
 *   <li>backlog: cases received by the period's end and still open at it, and their age in working
 *       days then (median, oldest);
 *   <li>co-reviews (會辦) asked of each agency in the period: answered, not answered in time
 *       (NO_RESPONSE), and the working days the answers took.
 * </ul>
 */
@Service
public class OversightReport {

  static final String DECIDED = "('APPROVED', 'REJECTED')";
  static final String CO_REVIEW_SILENT = "NO_RESPONSE";

  /** What the report is asked for: dates inclusive, and optionally some agencies (null: all) and one type. */
  public record Query(LocalDate from, LocalDate to, Collection<String> agencies, String caseType) {}

  /** The figures of one agency, in total and per type. */
  public record AgencyFigures(String agency, Figures total, List<TypeFigures> byType) {}

  public record TypeFigures(String caseType, Figures figures) {}

  public record Figures(
      long received, long decided, long withdrawn, long onTime, Double onTimeRate, Integer leadTimeMedianDays,
      Integer leadTimeP90Days, long supplemented, Double supplementRate, long backlog, Integer backlogMedianAgeDays,
      Integer backlogOldestAgeDays) {}

  /** How one agency answered the co-reviews it was asked for. */
  public record CoReviewFigures(String agency, long asked, long answered, long noResponse, Integer responseMedianDays,
      Integer responseP90Days) {}

  public record Result(Query query, List<AgencyFigures> agencies, List<CoReviewFigures> coReviews) {}

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  OversightReport(JdbcTemplate jdbc, WorkingDayCalendar calendar, CalendarProperties properties) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.zone = properties.zone();
  }

  @Transactional(readOnly = true)
  public Result of(Query query) {
    Map<String, Map<String, Counts>> byAgencyAndType = new TreeMap<>();
    Date from = Date.valueOf(query.from());
    Date to = Date.valueOf(query.to());
    Filter filter = filter(query, "receiving_agency", "case_type_code");

    // Each query groups in the database and returns a few thousand rows at most: lead times come
    // back as how many cases took each number of days, from which the percentiles are read here.
    // One pass over the period's rows, grouped in the database: the decided cases come back as how
    // many took each number of days (on time or not, supplemented or not), from which the
    // percentiles are read here; a few thousand rows at most, however many cases.
    String decided = "closed_on between ? and ? and outcome in " + DECIDED;
    jdbc.query("""
        select agency, type, lead, on_time, supplemented, sum(received), sum(withdrawn), sum(decided)
        from (select receiving_agency as agency, case_type_code as type,
                     case when %1$s then lead_working_days end as lead,
                     case when %1$s then on_time end as on_time,
                     case when %1$s then supplements > 0 end as supplemented,
                     case when received_on between ? and ? then 1 else 0 end as received,
                     case when closed_on between ? and ? and outcome = 'WITHDRAWN_NO_SUPPLEMENT' then 1 else 0 end
                         as withdrawn,
                     case when %1$s then 1 else 0 end as decided
              from case_figures
              where (received_on between ? and ? or closed_on between ? and ?)%2$s) period
        group by agency, type, lead, on_time, supplemented""".formatted(decided, filter.sql()),
        row -> {
          Counts counts = counts(byAgencyAndType, row.getString(1), row.getString(2));
          counts.received += row.getLong(6);
          counts.withdrawn += row.getLong(7);
          long decidedCases = row.getLong(8);
          if (decidedCases > 0) {
            counts.addDecided(row.getInt(3), row.getBoolean(4), row.getBoolean(5), decidedCases);
          }
        },
        filter.after(from, to, from, to, from, to, from, to, from, to, from, to, from, to, from, to));

    // The backlog at the period's end, aged in working days to then (or to today, if sooner).
    LocalDate asOf = query.to().isAfter(calendar.today()) ? calendar.today() : query.to();
    Map<LocalDate, Integer> ages = new HashMap<>();
    jdbc.query("""
        select receiving_agency, case_type_code, received_on, count(*)
        from case_figures
        where received_on <= ? and (closed_on is null or closed_on > ?)%s
        group by receiving_agency, case_type_code, received_on""".formatted(filter.sql()), row -> {
      int age = ages.computeIfAbsent(row.getDate(3).toLocalDate(), day -> calendar.workingDaysBetween(day, asOf));
      counts(byAgencyAndType, row.getString(1), row.getString(2)).backlogByAge.merge(age, row.getLong(4), Long::sum);
    }, filter.after(to, to));

    List<AgencyFigures> agencies = byAgencyAndType.entrySet().stream()
        .map(agency -> {
          Counts total = new Counts();
          agency.getValue().values().forEach(total::addAll);
          return new AgencyFigures(agency.getKey(), total.figures(), agency.getValue().entrySet().stream()
              .map(type -> new TypeFigures(type.getKey(), type.getValue().figures())).toList());
        })
        .toList();
    return new Result(query, agencies, coReviews(query));
  }

  private static Counts counts(Map<String, Map<String, Counts>> byAgencyAndType, String agency, String type) {
    return byAgencyAndType.computeIfAbsent(agency, a -> new TreeMap<>()).computeIfAbsent(type, t -> new Counts());
  }

  private List<CoReviewFigures> coReviews(Query query) {
    Filter filter = filter(query, "c.agency", "f.case_type_code");
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, TreeMap<Integer, Long>> responseDays = new HashMap<>();
    jdbc.query("""
        select c.agency, c.outcome, c.answered_at is not null, c.response_working_days, count(*)
        from co_review c%s
        where c.removed_reason is null and c.asked_at >= ? and c.asked_at < ?%s
        group by c.agency, c.outcome, c.answered_at is not null, c.response_working_days""".formatted(
            // The case's type is in the figures table: joined only when a type is asked for.
            query.caseType() == null ? "" : " join case_figures f on f.application_no = c.application_no",
            filter.sql()),
        row -> {
          long[] n = counts.computeIfAbsent(row.getString(1), agency -> new long[3]);
          long cases = row.getLong(5);
          boolean silent = CO_REVIEW_SILENT.equals(row.getString(2));
          n[0] += cases;
          n[1] += row.getBoolean(3) && !silent ? cases : 0;
          n[2] += silent ? cases : 0;
          Integer days = (Integer) row.getObject(4, Integer.class);
          if (days != null && !silent) {
            responseDays.computeIfAbsent(row.getString(1), agency -> new TreeMap<>()).merge(days, cases, Long::sum);
          }
        },
        filter.after(Timestamp.from(query.from().atStartOfDay(zone).toInstant()),
            Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant())));
    return counts.entrySet().stream().map(agency -> {
      TreeMap<Integer, Long> days = responseDays.getOrDefault(agency.getKey(), new TreeMap<>());
      return new CoReviewFigures(agency.getKey(), agency.getValue()[0], agency.getValue()[1], agency.getValue()[2],
          nearestRank(days, 0.5), nearestRank(days, 0.9));
    }).toList();
  }

  /** The agencies and type asked for, as SQL conditions on these columns, with their arguments. */
  private static Filter filter(Query query, String agencyColumn, String typeColumn) {
    StringBuilder sql = new StringBuilder();
    List<Object> arguments = new ArrayList<>();
    if (query.agencies() != null) {
      if (query.agencies().isEmpty()) {
        sql.append(" and 1 = 0");
      } else {
        sql.append(" and ").append(agencyColumn).append(" in (")
            .append(String.join(", ", query.agencies().stream().map(a -> "?").toList())).append(")");
        arguments.addAll(query.agencies());
      }
    }
    if (query.caseType() != null) {
      sql.append(" and ").append(typeColumn).append(" = ?");
      arguments.add(query.caseType());
    }
    return new Filter(sql.toString(), arguments);
  }

  private record Filter(String sql, List<Object> arguments) {

    /** The query's own arguments, then the filter's. */
    Object[] after(Object... first) {
      List<Object> all = new ArrayList<>(List.of(first));
      all.addAll(arguments);
      return all.toArray();
    }
  }

  /** The counts of one agency or one agency's type, filled from the queries above. */
  private static final class Counts {
    long received;
    long decided;
    long withdrawn;
    long onTime;
    long supplemented;
    final TreeMap<Integer, Long> leadDays = new TreeMap<>();
    final TreeMap<Integer, Long> backlogByAge = new TreeMap<>();

    void addDecided(int lead, boolean inTime, boolean wasSupplemented, long cases) {
      decided += cases;
      onTime += inTime ? cases : 0;
      supplemented += wasSupplemented ? cases : 0;
      leadDays.merge(lead, cases, Long::sum);
    }

    void addAll(Counts other) {
      received += other.received;
      decided += other.decided;
      withdrawn += other.withdrawn;
      onTime += other.onTime;
      supplemented += other.supplemented;
      other.leadDays.forEach((days, cases) -> leadDays.merge(days, cases, Long::sum));
      other.backlogByAge.forEach((days, cases) -> backlogByAge.merge(days, cases, Long::sum));
    }

    Figures figures() {
      long backlog = backlogByAge.values().stream().mapToLong(Long::longValue).sum();
      return new Figures(received, decided, withdrawn, onTime, rate(onTime, decided), nearestRank(leadDays, 0.5),
          nearestRank(leadDays, 0.9), supplemented, rate(supplemented, decided), backlog,
          nearestRank(backlogByAge, 0.5), backlogByAge.isEmpty() ? null : backlogByAge.lastKey());
    }

    private static Double rate(long part, long whole) {
      return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
  }

  /**
   * The value at that fraction of cases, ordered, by nearest rank (the day of the case at rank
   * ceil(fraction x cases)), as SQL's percentile_disc picks it; null for no cases.
   *
   * @param cases how many cases had each value
   */
  static Integer nearestRank(TreeMap<Integer, Long> cases, double fraction) {
    long all = cases.values().stream().mapToLong(Long::longValue).sum();
    if (all == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(fraction * all));
    long seen = 0;
    for (Map.Entry<Integer, Long> value : cases.entrySet()) {
      seen += value.getValue();
      if (seen >= rank) {
        return value.getKey();
      }
    }
    return cases.lastKey();
  }
}
