package org.caserouting.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.ApplicationStatus;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.platform.AgencyGroups;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What operators watch, as Prometheus gauges: applications by status, open and overdue tasks per
 * agency, and the job backlog (asynchronous steps waiting, and those out of retries, which are
 * incidents). Counted on a schedule rather than per scrape, so neither a busy Prometheus nor two
 * of them add load on the database. Verification calls are counted as they happen
 * ({@code caserouting_verification_calls_total}, by {@link org.caserouting.verification.EvidenceLog}).
 */
@Component
public class CaseMetrics {

  private final ApplicationRepository applications;
  private final AgencyRepository agencies;
  private final TaskService tasks;
  private final ManagementService management;
  private final MultiGauge applicationsByStatus;
  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;
  private final MultiGauge jobs;
  private final Clock clock;

  CaseMetrics(
      ApplicationRepository applications,
      AgencyRepository agencies,
      TaskService tasks,
      ManagementService management,
      MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.applications = applications;
    this.agencies = agencies;
    this.tasks = tasks;
    this.management = management;
    this.applicationsByStatus = MultiGauge.builder("caserouting.applications")
        .description("Applications by the status the applicant sees")
        .register(registry);
    this.openTasks = MultiGauge.builder("caserouting.tasks.open")
        .description("Open tasks offered to or held by an agency's staff")
        .register(registry);
    this.overdueTasks = MultiGauge.builder("caserouting.tasks.overdue")
        .description("Open tasks past their due date, per agency")
        .register(registry);
    this.jobs = MultiGauge.builder("caserouting.jobs")
        .description("Asynchronous steps due now (backlog) and out of retries (failed)")
        .register(registry);
  }

  @Scheduled(fixedDelayString = "${caserouting.metrics.refresh-interval:PT5M}")
  public void refresh() {
    Map<ApplicationStatus, Long> byStatus = new EnumMap<>(ApplicationStatus.class);
    for (ApplicationStatus status : ApplicationStatus.values()) {
      byStatus.put(status, 0L);
    }
    for (Object[] row : applications.countByStatus()) {
      byStatus.put((ApplicationStatus) row[0], (Long) row[1]);
    }
    applicationsByStatus.register(
        byStatus.entrySet().stream()
            .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey().name()), e.getValue()))
            .toList(),
        true);

    String taskTable = management.getTableName(Task.class);
    String links = taskTable.substring(0, taskTable.length() - "ACT_RU_TASK".length()) + "ACT_RU_IDENTITYLINK";
    List<MultiGauge.Row<?>> open = new ArrayList<>();
    List<MultiGauge.Row<?>> overdue = new ArrayList<>();
    for (Agency agency : agencies.findAll()) {
      String code = agency.getCode();
      String[] groups = {
        AgencyGroups.groupId(code, AgencyGroups.Role.CLERK),
        AgencyGroups.groupId(code, AgencyGroups.Role.CHIEF),
        AgencyGroups.groupId(code, AgencyGroups.Role.DIRECTOR)
      };
      Tags tags = Tags.of("agency", code);
      open.add(MultiGauge.Row.of(tags, countOffered(taskTable, links, groups, null)));
      overdue.add(MultiGauge.Row.of(tags, countOffered(taskTable, links, groups, Date.from(clock.instant()))));
    }
    openTasks.register(open, true);
    overdueTasks.register(overdue, true);

    jobs.register(List.of(
        MultiGauge.Row.of(Tags.of("state", "backlog"), management.createJobQuery().executable().count()),
        MultiGauge.Row.of(Tags.of("state", "failed"), management.createJobQuery().noRetriesLeft().count())),
        true);
  }

  /**
   * Open tasks offered to any of the groups (held by someone or not), due before {@code dueBefore}
   * if given: what {@code taskCandidateGroupIn(groups).includeAssignedTasks()} counts, but found
   * from the candidate links by their index on the group. The task query reads every open task
   * to find a group's (docs/performance.md); two of them per agency every interval would keep a
   * core busy over a million open tasks.
   */
  private long countOffered(String taskTable, String links, String[] groups, Date dueBefore) {
    String sql = dueBefore == null
        ? "SELECT COUNT(DISTINCT I.TASK_ID_) FROM " + links + " I"
            + " WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (#{clerks}, #{chiefs}, #{directors})"
        : "SELECT COUNT(DISTINCT T.ID_) FROM " + links + " I JOIN " + taskTable + " T ON T.ID_ = I.TASK_ID_"
            + " WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (#{clerks}, #{chiefs}, #{directors})"
            + " AND T.DUE_DATE_ < #{dueBefore}";
    var query = tasks.createNativeTaskQuery().sql(sql)
        .parameter("clerks", groups[0]).parameter("chiefs", groups[1]).parameter("directors", groups[2]);
    return (dueBefore == null ? query : query.parameter("dueBefore", dueBefore)).count();
  }
}
