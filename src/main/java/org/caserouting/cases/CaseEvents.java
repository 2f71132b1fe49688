package org.caserouting.cases;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.engine.task.TaskAssignments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what happened to a case, at the engine's time, in the case's own transaction; among it,
 * every task handed from one person to another ({@link TaskAssignments}).
 */
@Service
public class CaseEvents implements TaskAssignments {

  private final CaseEventRepository events;
  private final Clock clock;

  CaseEvents(CaseEventRepository events, Clock clock) {
    this.clock = clock;
    this.events = events;
  }

  /** "審查 do-daan-clerk → do-daan-clerk2（do-daan-chief 分案）": the task, from whom, to whom, by whom. */
  @Override
  public void assigned(String applicationNo, String taskName, List<String> candidateGroups, String by, String from,
      String to) {
    String agency = candidateGroups.stream().map(AgencyGroups::parse).flatMap(Optional::stream)
        .map(AgencyGroups.AgencyRole::agencyCode).findFirst().orElse(null);
    record(applicationNo, CaseEventKind.ASSIGNED, agency,
        taskName + "：" + (from == null ? "—" : from) + " → " + (to == null ? "退回機關待辦 back to the agency's list" : to)
            + "（" + by + " 分案 assigned）");
  }

  @Transactional
  public void record(String applicationNo, CaseEventKind kind, String agency, String detail) {
    events.save(new CaseEvent(applicationNo, clock.instant(), kind, agency, detail));
  }
}
