package org.caserouting.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.http.HttpHeaders;

/** Migrations of running cases through our API, as a process owner and a second person make them. */
public final class Migrating {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final Api owner;
  private final Api approver;

  public Migrating(ProcessEngine engine, Api owner, Api approver) {
    this.engine = engine;
    this.owner = owner;
    this.approver = approver;
  }

  /** One level: the process, its versions, and explicit mappings as pairs of activity ids. */
  public static ObjectNode level(String processKey, int sourceVersion, int targetVersion, String... fromTo) {
    ObjectNode level = JSON.createObjectNode().put("processKey", processKey)
        .put("sourceVersion", sourceVersion).put("targetVersion", targetVersion);
    ArrayNode mappings = level.putArray("mappings");
    for (int i = 0; i < fromTo.length; i += 2) {
      mappings.addObject().put("from", fromTo[i]).put("to", fromTo[i + 1]);
    }
    return level;
  }

  /** Every running case of each level's source version. */
  public static String request(String reason, ObjectNode... levels) {
    return request(reason, List.of(), levels);
  }

  /** Only the cases with these numbers. */
  public static String request(String reason, List<String> applicationNos, ObjectNode... levels) {
    ObjectNode request = JSON.createObjectNode().put("reason", reason);
    applicationNos.forEach(request.putArray("applicationNos")::add);
    ArrayNode all = request.putArray("levels");
    for (ObjectNode level : levels) {
      all.add(level);
    }
    return request.toString();
  }

  public Api.Response dryRun(String request) {
    return owner.postJson("/api/model-migrations/dry-run", request, new HttpHeaders());
  }

  public Api.Response propose(String request) {
    return owner.postJson("/api/model-migrations", request, new HttpHeaders());
  }

  public Api.Response approve(long id) {
    return approver.postJson("/api/model-migrations/" + id + "/approve", "", new HttpHeaders());
  }

  public Api.Response read(long id) {
    return owner.get("/api/model-migrations/" + id);
  }

  /** Proposed, approved by the second person, its batches run level by level: the record at the end. */
  public JsonNode migrate(String request, Runnable sweep) {
    Api.Response proposed = propose(request);
    assertThat(proposed.status()).as("proposed: %s", proposed.body()).isEqualTo(201);
    long id = proposed.body().get("id").asLong();
    Api.Response approved = approve(id);
    assertThat(approved.status()).as("approved: %s", approved.body()).isEqualTo(200);
    for (int level = 0; level < 10 && read(id).body().get("status").asText().equals("RUNNING"); level++) {
      runBatches();
      sweep.run();
    }
    return read(id).body();
  }

  /** Runs every migration batch's jobs as the job executor would; a failing job until its retries are spent. */
  public void runBatches() {
    ManagementService management = engine.getManagementService();
    for (Batch batch : management.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list()) {
      for (int pass = 0; pass < 10; pass++) {
        List<Job> due = management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list();
        due = due.isEmpty() ? management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withRetriesLeft().list() : due;
        if (due.isEmpty()) {
          break;
        }
        for (Job job : due) {
          try {
            management.executeJob(job.getId());
          } catch (RuntimeException failed) {
            // the engine counted down the job's retries; it runs again until none are left
          }
        }
      }
    }
  }

  public static long id(JsonNode migration) {
    return migration.get("id").asLong();
  }
}
