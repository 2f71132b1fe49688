package org.caserouting.migration;

import java.time.Instant;
import java.util.List;

/**
 * One migration of running cases, as recorded: what was asked, the dry run it was proposed with,
 * who proposed it and who decided, and what came of each level started so far.
 */
record ModelMigration(long id, MigrationRequest request, DryRun dryRun, MigrationStatus status, String proposedBy,
    Instant proposedAt, String reason, String decidedBy, Instant decidedAt, int levelIndex, String batchId,
    Outcome outcome, Instant finishedAt) {

  /** What each level started so far did. */
  record Outcome(List<LevelOutcome> levels) {

    static final Outcome NONE = new Outcome(List.of());
  }

  /**
   * @param submitted the cases given to the batch
   * @param migrated those now on the target version
   * @param failed those the batch could not move: each stays on its version, with an incident
   * @param left the cases of the source version that could not move when the level started
   */
  record LevelOutcome(String processKey, int sourceVersion, int targetVersion, String targetDefinitionId, String batchId, List<String> submitted,
      List<Moved> migrated, List<Failed> failed, List<DryRun.InstanceReport> left) {}

  record Moved(String processInstanceId, String applicationNo) {}

  record Failed(String processInstanceId, String applicationNo, String reason) {}
}
