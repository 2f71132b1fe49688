package org.caserouting.platform.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caserouting.platform.engine.models.ModelHelper;
import org.springframework.stereotype.Component;

/**
 * Timer dates for models, as {@code deadlines} in expressions: a reminder when 80% of the time
 * to a task's due date has passed. Uses the engine's clock, so tests can move time.
 */
@Component("deadlines")
@ModelHelper
public class Deadlines {

  static final double REMINDER_SHARE = 0.8;

  @ModelHelper.Member
  public Date reminderAt(Date due) {
    return share(ClockUtil.getCurrentTime(), due);
  }

  /** When {@link #REMINDER_SHARE} of the time from {@code from} to {@code due} has passed. */
  static Date share(Date from, Date due) {
    long left = Math.max(0, due.getTime() - from.getTime());
    return new Date(from.getTime() + (long) (left * REMINDER_SHARE));
  }
}
