package org.caserouting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.support.CaseRouterTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The benchmark's bulk backlog is what the engine would have made: a copied task has, row for
 * row, what a task the engine makes has, and the clerks it is offered to see it like one.
 */
@CaseRouterTest
class BacklogTest {

  /** An agency of its own, so that no other test's clerks see these tasks. */
  static final String GROUP = "bench-backlog-clerk";

  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired DataSource dataSource;

  @AfterEach
  void removeBacklog() {
    tasks.createTaskQuery().taskCandidateGroup(GROUP).list().forEach(task -> tasks.deleteTask(task.getId(), true));
  }

  @Test
  void aCopiedTaskIsRowForRowATaskTheEngineMakes() throws Exception {
    Backlog backlog = new Backlog(tasks, dataSource);
    backlog.write(List.of(GROUP), 0, 3);
    String byEngine = backlog.viaEngine(3, GROUP);
    String copied = tasks.createTaskQuery().taskName(Backlog.name(2)).singleResult().getId();

    List<String> engineRows = backlog.rowsOf(byEngine);
    assertThat(backlog.rowsOf(copied)).isEqualTo(engineRows);
    // The rows compared: the task, its candidate link, their history, and the grants to the
    // clerks, their chief and their director, each on the task and on its history.
    assertThat(engineRows).extracting(row -> row.substring(0, row.indexOf(' ')))
        .containsOnly(Backlog.ROWS.entrySet().stream().map(e -> e.getKey() + "." + e.getValue()).toArray(String[]::new))
        .filteredOn(table -> table.startsWith("act_ru_authorization")).hasSize(6);
  }

  @Test
  void theClerksTheBacklogIsOfferedToSeeItAndOthersDoNot() throws Exception {
    new Backlog(tasks, dataSource).write(List.of(GROUP), 0, 5);

    assertThat(seenBy("bench-backlog-1", GROUP)).hasSize(5)
        .extracting(Task::getName).contains(Backlog.name(0), Backlog.name(4));
    assertThat(seenBy("bench-backlog-chief-1", "bench-backlog-chief")).hasSize(5);
    assertThat(seenBy("do-daan-1", "do-daan-clerk")).isEmpty();
  }

  private List<Task> seenBy(String user, String group) {
    identity.setAuthentication(user, List.of(group));
    try {
      return tasks.createTaskQuery().taskNameLike("積案 Backlog %").listPage(0, 100);
    } finally {
      identity.clearAuthentication();
    }
  }
}
