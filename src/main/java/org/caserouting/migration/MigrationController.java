package org.caserouting.migration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.caserouting.cases.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migration of running cases through our API, for process owners and administrators: a dry run,
 * a proposal, a second person's approval or refusal, and the record with its progress.
 */
@RestController
class MigrationController {

  /** A migration as the API shows it, its state in words and its running batch's progress. */
  record MigrationView(long id, String status, String statusLabel, String reason, String proposedBy, Instant proposedAt,
      String decidedBy, Instant decidedAt, MigrationRequest request, DryRun dryRun, int levelIndex, Progress progress,
      ModelMigration.Outcome outcome, Instant finishedAt) {

    static MigrationView of(ModelMigration migration, BatchStatistics batch) {
      Progress progress = batch == null ? null
          : new Progress(batch.getId(), batch.getTotalJobs(), batch.getTotalJobs() - batch.getRemainingJobs(), batch.getFailedJobs());
      return new MigrationView(migration.id(), migration.status().name(), migration.status().label(), migration.reason(),
          migration.proposedBy(), migration.proposedAt(), migration.decidedBy(), migration.decidedAt(), migration.request(),
          migration.dryRun(), migration.levelIndex(), progress, migration.outcome(), migration.finishedAt());
    }
  }

  /** The current level's batch: its jobs (one case each), those done, those failed for good. */
  record Progress(String batchId, int jobs, int done, int failed) {}

  private final Migrations migrations;

  MigrationController(Migrations migrations) {
    this.migrations = migrations;
  }

  /** What the migration would do to the running cases, per level and activity; nothing is changed. */
  @PostMapping("/api/model-migrations/dry-run")
  DryRun dryRun(@RequestBody MigrationRequest request, Authentication caller) {
    return migrations.dryRun(request, Caller.of(caller));
  }

  /** Proposes the migration, with its dry run, for a second person to approve. */
  @PostMapping("/api/model-migrations")
  ResponseEntity<MigrationView> propose(@RequestBody MigrationRequest request, Authentication caller) {
    ModelMigration proposed = migrations.propose(request, Caller.of(caller));
    return ResponseEntity.created(URI.create("/api/model-migrations/" + proposed.id())).body(view(proposed));
  }

  @GetMapping("/api/model-migrations")
  List<MigrationView> latest(Authentication caller) {
    return migrations.latest(Caller.of(caller)).stream().map(this::view).toList();
  }

  @GetMapping("/api/model-migrations/{id}")
  MigrationView one(@PathVariable long id, Authentication caller) {
    return view(migrations.find(id, Caller.of(caller)));
  }

  @PostMapping("/api/model-migrations/{id}/approve")
  MigrationView approve(@PathVariable long id, Authentication caller) {
    return view(migrations.approve(id, Caller.of(caller)));
  }

  @PostMapping("/api/model-migrations/{id}/refuse")
  MigrationView refuse(@PathVariable long id, Authentication caller) {
    return view(migrations.refuse(id, Caller.of(caller)));
  }

  private MigrationView view(ModelMigration migration) {
    return MigrationView.of(migration, migrations.progress(migration));
  }
}
