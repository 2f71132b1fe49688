package org.caserouting.migration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What a migration would do, without doing it: per level, the plan, the mappings refused because
 * they would move a case past a step it has not done, and the running cases, per activity they wait
 * at, that can move and that cannot, with the reasons.
 */
public record DryRun(List<LevelReport> levels) {

  public record LevelReport(
      String processKey,
      int sourceVersion,
      int targetVersion,
      String sourceDefinitionId,
      String targetDefinitionId,
      List<Instruction> instructions,
      List<RefusedMapping> refusedMappings,
      int instances,
      int migratable,
      List<ActivityReport> activities,
      List<InstanceReport> notMigratable,
      @JsonIgnore List<String> migratableInstanceIds) {}

  /** Cases at {@code from} wait at {@code to} after the migration. */
  public record Instruction(String from, String to) {}

  public record RefusedMapping(String from, String to, String reason) {}

  /** The running cases of the source version waiting at one activity. */
  public record ActivityReport(String activityId, String name, int instances, int migratable, List<String> reasons) {}

  public record InstanceReport(String processInstanceId, String applicationNo, List<String> activityIds, List<String> reasons) {}
}
