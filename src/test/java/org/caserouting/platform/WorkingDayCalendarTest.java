package org.caserouting.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar =
      new WorkingDayCalendar(
          new CalendarProperties(ZoneId.of("Asia/Taipei"), List.of(LocalDate.of(2026, 10, 9))), Clock.systemUTC());

  @Test
  void countsFromTheNextDayAndSkipsTheWeekend() {
    // Friday 2 October 2026 + 1 working day = Monday 5 October.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 2), 1)).isEqualTo(LocalDate.of(2026, 10, 5));
  }

  @Test
  void skipsPublicHolidays() {
    // Thursday 8 October + 1 working day: Friday 9 October is National Day, so Monday 12 October.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 8), 1)).isEqualTo(LocalDate.of(2026, 10, 12));
  }

  @Test
  void tenWorkingDaysAreTwoWeeks() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 2), 10)).isEqualTo(LocalDate.of(2026, 11, 16));
  }

  @Test
  void countsTheDayInTheCitysTimeZone() {
    // 20:00 UTC on 1 December is already 2 December in Taipei.
    assertThat(calendar.dateOf(java.time.Instant.parse("2026-12-01T20:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
  }
}
