package org.caserouting.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.caserouting.migration.DryRun.ActivityReport;
import org.caserouting.migration.DryRun.InstanceReport;
import org.caserouting.migration.DryRun.Instruction;
import org.caserouting.migration.DryRun.LevelReport;
import org.caserouting.migration.DryRun.RefusedMapping;
import org.caserouting.migration.MigrationProblems.InvalidMigration;
import org.caserouting.migration.MigrationProblems.PlanNotValid;
import org.caserouting.migration.MigrationRequest.Level;
import org.caserouting.migration.MigrationRequest.Mapping;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.engine.models.ReviewedMigrations;
import org.springframework.stereotype.Component;

/**
 * Builds the engine's migration plan for one level of a request and tries it on each running case
 * of the source version. The plan maps every activity to the one of the same id in the target,
 * then the request's explicit mappings, then drops every mapping that would move a case past a
 * step it has not done ({@link StepsNotSkipped}): a case waiting there stays where it is. Each
 * case is put through the engine's own checks of a migration, which stop before it moves anything
 * ({@link ReviewedMigrations#verdict}): the report is the engine's verdict, not a guess.
 */
@Component
class MigrationPlans {

  private final ProcessEngine engine;
  private final RepositoryService repository;
  private final RuntimeService runtime;

  MigrationPlans(ProcessEngine engine) {
    this.engine = engine;
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
  }

  /** The plan of each level, and what it would do to the cases running now. */
  DryRun dryRun(MigrationRequest request) {
    List<LevelReport> levels = new ArrayList<>();
    for (Planned planned : plan(request, 0, request.levels() == null ? 0 : request.levels().size())) {
      levels.add(tryOnEachCase(planned));
    }
    return new DryRun(levels);
  }

  /** Level {@code index} of the request, planned as the models and mappings stand now, for its execution. */
  Planned level(MigrationRequest request, int index) {
    return plan(request, index, index + 1).get(0);
  }

  /** Migrates, as the engine's batch, the cases of the level that can move now; none, no batch. */
  Batch execute(Planned planned, List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return null;
    }
    return ReviewedMigrations.run(() -> runtime.newMigration(planned.plan())
        .processInstanceIds(processInstanceIds)
        .skipCustomListeners()
        .skipIoMappings()
        .executeAsync());
  }

  LevelReport tryOnEachCase(Planned planned) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Set<String>> reasonsByActivity = new LinkedHashMap<>();
    List<InstanceReport> refused = new ArrayList<>();
    List<String> migratable = new ArrayList<>();
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
        .processDefinitionId(planned.source().getId()).orderByProcessInstanceId().asc().list().stream()
        .filter(instance -> planned.cases().test(instance.getBusinessKey())).toList();
    for (ProcessInstance instance : instances) {
      List<String> waitingAt = waitingAt(instance.getId());
      List<String> reasons = trial(planned, instance.getId());
      for (String activity : waitingAt) {
        int[] count = counts.computeIfAbsent(activity, a -> new int[2]);
        count[0]++;
        if (reasons.isEmpty()) {
          count[1]++;
        }
      }
      if (reasons.isEmpty()) {
        migratable.add(instance.getId());
      } else {
        refused.add(new InstanceReport(instance.getId(), instance.getBusinessKey(), waitingAt, reasons));
        for (String activity : waitingAt) {
          reasonsByActivity.computeIfAbsent(activity, a -> new LinkedHashSet<>()).addAll(reasons);
        }
      }
    }
    List<ActivityReport> activities = new ArrayList<>();
    counts.forEach((activity, count) -> activities.add(new ActivityReport(activity,
        planned.rule().sourceNode(activity).map(FlowNode::getName).orElse(activity), count[0], count[1],
        List.copyOf(reasonsByActivity.getOrDefault(activity, Set.of())))));
    return new LevelReport(planned.level().processKey(), planned.source().getVersion(), planned.target().getVersion(),
        planned.source().getId(), planned.target().getId(),
        planned.plan().getInstructions().stream()
            .map(instruction -> new Instruction(instruction.getSourceActivityId(), instruction.getTargetActivityId())).toList(),
        planned.refused(), instances.size(), migratable.size(), activities, refused, List.copyOf(migratable));
  }

  /** Why the engine would not migrate the case with this plan; nothing when it would. */
  private List<String> trial(Planned planned, String processInstanceId) {
    List<String> reasons = new ArrayList<>();
    try {
      ReviewedMigrations.verdict(engine, planned.plan(), processInstanceId).ifPresent(report -> {
        reasons.addAll(report.getFailures());
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
          reasons.addAll(reasonsAt(planned, activity.getSourceScopeId(), activity.getFailures()));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
          reasons.addAll(reasonsAt(planned, transition.getSourceScopeId(), transition.getFailures()));
        }
      });
    } catch (ProcessEngineException failure) {
      reasons.add(failure.getMessage());
    }
    return reasons.stream().distinct().toList();
  }

  /** Our own reason where a mapping was refused for a skipped step; the engine's otherwise. */
  private static List<String> reasonsAt(Planned planned, String activityId, List<String> failures) {
    for (RefusedMapping refused : planned.refused()) {
      if (refused.from().equals(activityId)) {
        return List.of(activityId + "：" + refused.reason());
      }
    }
    return failures.stream().map(failure -> activityId + "：" + failure).toList();
  }

  /** The activities a case waits at: the leaves of its activity instance tree. */
  private List<String> waitingAt(String processInstanceId) {
    ActivityInstance root = runtime.getActivityInstance(processInstanceId);
    List<String> leaves = new ArrayList<>();
    if (root != null) {
      collect(root, leaves, true);
    }
    return leaves.stream().distinct().toList();
  }

  private static void collect(ActivityInstance instance, List<String> leaves, boolean root) {
    if (!root && instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
      leaves.add(instance.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, leaves, false);
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      leaves.add(transition.getActivityId());
    }
  }

  /** One level, planned: its versions, the engine's plan, and the mappings refused. */
  record Planned(Level level, ProcessDefinition source, ProcessDefinition target, MigrationPlan plan,
      List<RefusedMapping> refused, StepsNotSkipped rule, Predicate<String> cases) {}

  /** Levels {@code from} (inclusive) to {@code to} (exclusive) of a request that must be valid as a whole. */
  private List<Planned> plan(MigrationRequest request, int from, int to) {
    List<InvalidField> problems = request.problems(false);
    if (!problems.isEmpty()) {
      throw new InvalidMigration(problems);
    }
    List<Planned> planned = new ArrayList<>();
    List<InvalidField> invalid = new ArrayList<>();
    List<InvalidField> notValid = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Level level = request.levels().get(i);
      String at = "levels[" + i + "]";
      ProcessDefinition source = definition(level.processKey(), level.sourceVersion());
      ProcessDefinition target = definition(level.processKey(), level.targetVersion());
      if (source == null) {
        invalid.add(new InvalidField(at + ".sourceVersion", "查無 " + level.processKey() + " 第 " + level.sourceVersion()
            + " 版 no version " + level.sourceVersion() + " of " + level.processKey()));
      }
      if (target == null) {
        invalid.add(new InvalidField(at + ".targetVersion", "查無 " + level.processKey() + " 第 " + level.targetVersion()
            + " 版 no version " + level.targetVersion() + " of " + level.processKey()));
      }
      if (source == null || target == null) {
        continue;
      }
      StepsNotSkipped rule = new StepsNotSkipped(repository.getBpmnModelInstance(source.getId()), source.getKey(),
          repository.getBpmnModelInstance(target.getId()), target.getKey());
      for (int m = 0; m < level.mappings().size(); m++) {
        Mapping mapping = level.mappings().get(m);
        if (rule.sourceNode(mapping.from()).isEmpty()) {
          invalid.add(new InvalidField(at + ".mappings[" + m + "].from", "來源版本無此活動 no activity '" + mapping.from()
              + "' in version " + source.getVersion()));
        }
        if (rule.targetNode(mapping.to()).isEmpty()) {
          invalid.add(new InvalidField(at + ".mappings[" + m + "].to", "目標版本無此活動 no activity '" + mapping.to()
              + "' in version " + target.getVersion()));
        }
      }
      if (!invalid.isEmpty()) {
        continue;
      }
      try {
        planned.add(planned(level, source, target, rule, request::covers));
      } catch (MigrationPlanValidationException refusal) {
        refusal.getValidationReport().getInstructionReports().forEach(report -> notValid.add(new InvalidField(
            at + ".mappings", report.getMigrationInstruction().getSourceActivityId() + " → "
                + report.getMigrationInstruction().getTargetActivityId() + "：" + String.join("；", report.getFailures()))));
      }
    }
    if (!invalid.isEmpty()) {
      throw new InvalidMigration(invalid);
    }
    if (!notValid.isEmpty()) {
      throw new PlanNotValid(notValid);
    }
    return planned;
  }

  private Planned planned(Level level, ProcessDefinition source, ProcessDefinition target, StepsNotSkipped rule,
      Predicate<String> cases) {
    Map<String, MigrationInstruction> bySource = new LinkedHashMap<>();
    Map<String, String> explicit = new LinkedHashMap<>();
    level.mappings().forEach(mapping -> explicit.put(mapping.from(), mapping.to()));
    for (MigrationInstruction equal : runtime.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().build().getInstructions()) {
      if (!explicit.containsKey(equal.getSourceActivityId())) {
        bySource.put(equal.getSourceActivityId(), equal);
      }
    }
    Map<String, String> counterparts = new LinkedHashMap<>();
    bySource.forEach((from, instruction) -> counterparts.put(from, instruction.getTargetActivityId()));
    counterparts.putAll(explicit);

    List<RefusedMapping> refused = new ArrayList<>();
    Set<String> refusedSources = new LinkedHashSet<>();
    counterparts.forEach((from, to) -> {
      List<FlowNode> skipped = rule.skipped(from, to, counterparts);
      if (!skipped.isEmpty()) {
        refusedSources.add(from);
        refused.add(new RefusedMapping(from, to, "會略過尚未辦理的 " + StepsNotSkipped.names(skipped) + "，案件留在原版本"
            + " would move the case past " + skipped.stream().map(FlowNode::getId).toList() + ", not yet done; the case"
            + " stays on its version"));
      }
    });
    // An event on a step whose mapping was refused goes with it.
    counterparts.keySet().removeIf(from -> refusedSources.contains(from)
        || rule.sourceNode(from).filter(node -> node instanceof BoundaryEvent boundary
            && refusedSources.contains(boundary.getAttachedTo().getId())).isPresent());

    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
    for (Map.Entry<String, String> mapping : counterparts.entrySet()) {
      MigrationInstructionBuilder instruction = builder.mapActivities(mapping.getKey(), mapping.getValue());
      MigrationInstruction equal = bySource.get(mapping.getKey());
      if (equal != null && equal.isUpdateEventTrigger()) {
        instruction.updateEventTrigger();
      }
      builder = instruction;
    }
    return new Planned(level, source, target, builder.build(), List.copyOf(refused), rule, cases);
  }

  private ProcessDefinition definition(String key, int version) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
        .withoutTenantId().singleResult();
  }
}
