package org.caserouting.platform.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The engine's due-date calendar, counting time limits as the law does: {@code "30 working days"}
 * runs to the end of the 30th working day after the start, in the city's time zone, skipping
 * weekends and holidays. Any other description (an ISO date or duration) is resolved as the
 * engine's standard calendar would.
 */
@Component
public class WorkingDaysBusinessCalendar implements BusinessCalendar {

  private static final Pattern WORKING_DAYS = Pattern.compile("\\s*(\\d{1,4})\\s+working\\s+days?\\s*");

  private final WorkingDayCalendar calendar;
  private final CalendarProperties properties;
  private final DueDateBusinessCalendar standard = new DueDateBusinessCalendar();

  WorkingDaysBusinessCalendar(WorkingDayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  public static String workingDays(int days) {
    return days + " working days";
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description, task == null || task.getCreateTime() == null ? ClockUtil.getCurrentTime() : task.getCreateTime());
  }

  @Override
  public Date resolveDuedate(String description, Date start) {
    Matcher matcher = WORKING_DAYS.matcher(description);
    if (!matcher.matches()) {
      return standard.resolveDuedate(description, start);
    }
    LocalDate startDay = calendar.dateOf(start.toInstant());
    return endOf(calendar.addWorkingDays(startDay, Integer.parseInt(matcher.group(1))));
  }

  /** The last second of a day in the city. */
  public Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(properties.zone()).minusSeconds(1).toInstant());
  }

  public LocalDate dayOf(Date date) {
    return calendar.dateOf(Instant.ofEpochMilli(date.getTime()));
  }
}
