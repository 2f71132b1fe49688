package org.caserouting.identity;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises every task past its due date to {@link #OVERDUE_PRIORITY}, which is what Tasklist's
 * "Overdue" filters select and what puts the task on top of a priority sort. A stored filter may
 * not compare with "now" (expressions in queries are off), so the mark is made here, by the clock,
 * for every task whatever process it belongs to.
 */
@Component
public class OverdueTasks {

  /** Tasks are created with the engine's default priority, 50. */
  public static final int OVERDUE_PRIORITY = 100;

  private static final Logger log = LoggerFactory.getLogger(OverdueTasks.class);
  private static final int BATCH = 500;

  private final TaskService tasks;
  private final Clock clock;

  OverdueTasks(TaskService tasks, Clock clock) {
    this.clock = clock;
    this.tasks = tasks;
  }

  @Scheduled(fixedDelayString = "${caserouting.overdue.scan-interval:PT1M}", initialDelayString = "${caserouting.overdue.scan-interval:PT1M}")
  void scan() {
    int marked = markOverdue();
    if (marked > 0) {
      log.info("Marked {} task(s) overdue", marked);
    }
  }

  /** Marks the tasks due before now that are not marked yet; returns how many it marked. */
  public int markOverdue() {
    int marked = 0;
    List<Task> due;
    do {
      due = tasks.createTaskQuery()
          .dueBefore(Date.from(clock.instant()))
          .taskMaxPriority(OVERDUE_PRIORITY - 1)
          .listPage(0, BATCH);
      for (Task task : due) {
        tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
        marked++;
      }
    } while (due.size() == BATCH);
    return marked;
  }
}
