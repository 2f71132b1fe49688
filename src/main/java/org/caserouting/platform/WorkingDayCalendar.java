package org.caserouting.platform;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Counts processing time limits (處理時效) in working days: no weekends, no public holidays. */
@Component
public class WorkingDayCalendar {

  private final CalendarProperties properties;
  private final Set<LocalDate> holidays;
  private final Clock clock;

  public WorkingDayCalendar(CalendarProperties properties, Clock clock) {
    this.properties = properties;
    this.holidays = Set.copyOf(properties.holidays());
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }

  public LocalDate dateOf(Instant instant) {
    return instant.atZone(properties.zone()).toLocalDate();
  }

  /** The day on which a limit of {@code days} working days, counted from the day after {@code start}, runs out. */
  public LocalDate addWorkingDays(LocalDate start, int days) {
    LocalDate date = start;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  /** Working days after {@code from} up to and including {@code to}: how long a pause lasted. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        days++;
      }
    }
    return days;
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
  }
}
