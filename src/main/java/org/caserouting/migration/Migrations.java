package org.caserouting.migration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.mail.Notifications;
import org.caserouting.mail.TaskHolders;
import org.caserouting.migration.DryRun.LevelReport;
import org.caserouting.migration.MigrationProblems.AlreadyDecided;
import org.caserouting.migration.MigrationProblems.InvalidMigration;
import org.caserouting.migration.MigrationProblems.NoSuchMigration;
import org.caserouting.migration.MigrationProblems.NotAProcessOwner;
import org.caserouting.migration.MigrationProblems.SecondPersonNeeded;
import org.caserouting.migration.ModelMigration.Failed;
import org.caserouting.migration.ModelMigration.LevelOutcome;
import org.caserouting.migration.ModelMigration.Moved;
import org.caserouting.migration.ModelMigration.Outcome;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.InvalidField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migration of running cases to another version of their process (ADR 0030). A process owner or
 * administrator tries a plan (the dry run) and proposes it with a reason; a second person approves
 * or refuses it. Approved, each level runs as the engine's batch, the calling process first, each
 * level started when the one above has settled. A case that moved gets the migration on its
 * record and the holders of its open tasks are told; a case the batch could not move stays on its
 * version with an incident that says why, for operations to see in Cockpit.
 */
@Service
public class Migrations {

  /** The incident a case keeps when its migration failed; resolved in Cockpit once looked at. */
  public static final String INCIDENT = "migrationFailed";

  /** How the engine names the case in a migration's failure. */
  private static final Pattern NAMED_INSTANCE = Pattern.compile("process instance '([^']+)'");

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private final MigrationPlans plans;
  private final MigrationRecords records;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final TaskHolders holders;
  private final CaseEvents events;
  private final Notifications mail;
  private final Clock clock;
  private final TransactionTemplate transaction;

  Migrations(MigrationPlans plans, MigrationRecords records, RuntimeService runtime, ManagementService management,
      TaskService tasks, TaskHolders holders, CaseEvents events, Notifications mail, Clock clock,
      PlatformTransactionManager transactions) {
    this.plans = plans;
    this.records = records;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.holders = holders;
    this.events = events;
    this.mail = mail;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  public DryRun dryRun(MigrationRequest request, Caller caller) {
    mayMigrate(caller);
    return plans.dryRun(request);
  }

  ModelMigration propose(MigrationRequest request, Caller caller) {
    mayMigrate(caller);
    List<InvalidField> problems = request.problems(true);
    if (!problems.isEmpty()) {
      throw new InvalidMigration(problems);
    }
    DryRun dryRun = plans.dryRun(request);
    return records.find(records.insert(request, dryRun, caller.userId(), clock.instant())).orElseThrow();
  }

  ModelMigration find(long id, Caller caller) {
    mayMigrate(caller);
    return records.find(id).orElseThrow(() -> new NoSuchMigration(id));
  }

  List<ModelMigration> latest(Caller caller) {
    mayMigrate(caller);
    return records.latest(100);
  }

  ModelMigration refuse(long id, Caller caller) {
    decide(id, caller, MigrationStatus.REFUSED);
    return records.find(id).orElseThrow();
  }

  /** Approved by a second person: the first level starts now, and each further one once the one above has settled. */
  ModelMigration approve(long id, Caller caller) {
    // The decision and the first batch together: a plan that fails now leaves the migration to decide.
    transaction.executeWithoutResult(status -> startLevel(decide(id, caller, MigrationStatus.RUNNING), 0, Outcome.NONE));
    advance(id);
    return records.find(id).orElseThrow();
  }

  /** Moves each running migration on, where its batch has settled; on every node, one at a time per migration. */
  @Scheduled(fixedDelayString = "${caserouting.migrations.sweep-interval:PT10S}",
      initialDelayString = "${caserouting.migrations.sweep-interval:PT10S}")
  public void advanceAll() {
    for (long id : records.running()) {
      try {
        advance(id);
      } catch (RuntimeException failure) {
        log.warn("Migration {} could not move on; tried again at the next sweep", id, failure);
      }
    }
  }

  /** The batch's progress now: jobs in all, still to run, failed for good; nothing when no batch runs. */
  BatchStatistics progress(ModelMigration migration) {
    return migration.batchId() == null ? null
        : management.createBatchStatisticsQuery().batchId(migration.batchId()).singleResult();
  }

  private void advance(long id) {
    boolean again;
    do {
      again = Boolean.TRUE.equals(transaction.execute(status -> {
        ModelMigration migration = records.lock(id).orElseThrow();
        if (migration.status() != MigrationStatus.RUNNING || !settled(migration.batchId())) {
          return false;
        }
        Outcome outcome = settle(migration);
        int next = migration.levelIndex() + 1;
        if (next < migration.request().levels().size()) {
          startLevel(migration, next, outcome);
          return true;
        }
        records.finish(id, outcome, clock.instant());
        return false;
      }));
    } while (again);
  }

  private ModelMigration decide(long id, Caller caller, MigrationStatus decision) {
    mayMigrate(caller);
    ModelMigration migration = records.find(id).orElseThrow(() -> new NoSuchMigration(id));
    if (migration.proposedBy().equals(caller.userId())) {
      throw new SecondPersonNeeded(id, migration.proposedBy());
    }
    if (migration.status() != MigrationStatus.AWAITING_APPROVAL || !records.decide(id, decision, caller.userId(), clock.instant())) {
      throw new AlreadyDecided(id, records.find(id).orElseThrow().status());
    }
    return records.find(id).orElseThrow();
  }

  /** Plans the level again, as the cases stand now, and hands the cases that can move to a batch. */
  private void startLevel(ModelMigration migration, int index, Outcome before) {
    MigrationPlans.Planned planned = plans.level(migration.request(), index);
    LevelReport now = plans.tryOnEachCase(planned);
    Batch batch = plans.execute(planned, now.migratableInstanceIds());
    List<LevelOutcome> levels = new ArrayList<>(before.levels());
    levels.add(new LevelOutcome(now.processKey(), now.sourceVersion(), now.targetVersion(), now.targetDefinitionId(),
        batch == null ? null : batch.getId(), now.migratableInstanceIds(), List.of(), List.of(), now.notMigratable()));
    records.progress(migration.id(), index, batch == null ? null : batch.getId(), new Outcome(levels));
  }

  /** A batch has settled when every job was made and each left has failed for good. */
  private boolean settled(String batchId) {
    if (batchId == null) {
      return true;
    }
    BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    return statistics == null
        || statistics.getJobsCreated() == statistics.getTotalJobs() && statistics.getRemainingJobs() == statistics.getFailedJobs();
  }

  /** What the level did to each case given to it: on the record, told to whoever holds its tasks, or an incident. */
  private Outcome settle(ModelMigration migration) {
    List<LevelOutcome> levels = new ArrayList<>(migration.outcome().levels());
    LevelOutcome level = levels.get(migration.levelIndex());
    Map<String, String> failures = failures(migration.batchId());
    List<Moved> migrated = new ArrayList<>();
    List<Failed> failed = new ArrayList<>();
    for (String id : level.submitted()) {
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (instance == null) {
        continue; // ended before its turn came: nothing left to move
      }
      if (instance.getProcessDefinitionId().equals(level.targetDefinitionId())) {
        migrated.add(new Moved(id, instance.getBusinessKey()));
        moved(migration, level, instance);
      } else {
        String reason = failures.getOrDefault(id, failures.getOrDefault("", "遷移未完成 the migration did not complete"));
        runtime.createIncident(INCIDENT, waitingExecution(id), "model-migration/" + migration.id(),
            "遷移 #" + migration.id() + " 未能將本案移至第 " + level.targetVersion() + " 版，仍依第 " + level.sourceVersion()
                + " 版辦理 Migration " + migration.id() + " could not move this case to version " + level.targetVersion()
                + "; it goes on under version " + level.sourceVersion() + ": " + reason);
        failed.add(new Failed(id, instance.getBusinessKey(), reason));
      }
    }
    if (migration.batchId() != null && management.createBatchQuery().batchId(migration.batchId()).count() > 0) {
      management.deleteBatch(migration.batchId(), false);
    }
    levels.set(migration.levelIndex(), new LevelOutcome(level.processKey(), level.sourceVersion(), level.targetVersion(),
        level.targetDefinitionId(), level.batchId(), level.submitted(), migrated, failed, level.left()));
    return new Outcome(levels);
  }

  /** An execution where the case waits: an incident must stand at an activity. */
  private String waitingExecution(String processInstanceId) {
    ActivityInstance at = runtime.getActivityInstance(processInstanceId);
    while (at.getChildActivityInstances().length > 0) {
      at = at.getChildActivityInstances()[0];
    }
    if (at.getChildTransitionInstances().length > 0) {
      return at.getChildTransitionInstances()[0].getExecutionId();
    }
    return at.getExecutionIds()[0];
  }

  /** The failed jobs' messages, by the case each names; under "" the first, for a case none names. */
  private Map<String, String> failures(String batchId) {
    Map<String, String> byCase = new LinkedHashMap<>();
    if (batchId == null) {
      return byCase;
    }
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    if (batch == null) {
      return byCase;
    }
    for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().list()) {
      String message = job.getExceptionMessage() == null ? "" : job.getExceptionMessage();
      byCase.putIfAbsent("", message);
      for (String id : instanceIdsIn(message)) {
        byCase.putIfAbsent(id, message);
      }
    }
    return byCase;
  }

  private static List<String> instanceIdsIn(String message) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = NAMED_INSTANCE.matcher(message);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private void moved(ModelMigration migration, LevelOutcome level, ProcessInstance instance) {
    String caseNo = instance.getBusinessKey();
    if (caseNo == null) {
      return;
    }
    String from = level.processKey() + " v" + level.sourceVersion();
    String to = level.processKey() + " v" + level.targetVersion();
    events.record(caseNo, CaseEventKind.MIGRATED, null, from + " → " + to + "（遷移 migration #" + migration.id() + "："
        + migration.proposedBy() + " 提出 proposed，" + migration.decidedBy() + " 核准 approved）" + migration.reason());
    for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
      for (String recipient : holders.emails(task)) {
        mail.taskMoved(caseNo, recipient, task.getName(), from, to, holders.link(task));
      }
    }
  }

  private static void mayMigrate(Caller caller) {
    if (!caller.isAdministrator() && !caller.groups().contains(AgencyGroups.PROCESS_OWNER)) {
      throw new NotAProcessOwner(caller.userId());
    }
  }
}
