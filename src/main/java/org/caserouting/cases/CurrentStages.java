package org.caserouting.cases;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.Catalog;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.CalendarProperties;
import org.springframework.stereotype.Service;

/** The open tasks of an application, across its intake process and every sub-process it called. */
@Service
public class CurrentStages {

  private final TaskService tasks;
  private final Catalog catalog;
  private final ZoneId zone;

  CurrentStages(TaskService tasks, Catalog catalog, CalendarProperties calendar) {
    this.tasks = tasks;
    this.catalog = catalog;
    this.zone = calendar.zone();
  }

  public List<Stage> of(String applicationNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).list().stream()
        .sorted(Comparator.comparing(Task::getCreateTime))
        .map(this::stage)
        .toList();
  }

  private Stage stage(Task task) {
    Optional<AgencyGroups.AgencyRole> handler =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .map(AgencyGroups::parse)
            .flatMap(Optional::stream)
            .findFirst();
    Optional<Agency> agency = handler.flatMap(role -> catalog.agency(role.agencyCode()));
    return new Stage(
        task.getTaskDefinitionKey(),
        task.getName(),
        handler.map(AgencyGroups.AgencyRole::agencyCode).orElse(null),
        agency.map(Agency::getNameZh).orElse(null),
        agency.map(Agency::getNameEn).orElse(null),
        handler.map(role -> role.role().nameEn()).orElse(null),
        task.getCreateTime().toInstant(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(zone).toOffsetDateTime(),
        task.getAssignee() != null);
  }
}
