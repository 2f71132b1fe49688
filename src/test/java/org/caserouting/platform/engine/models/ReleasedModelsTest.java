package org.caserouting.platform.engine.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.camunda.bpm.engine.RepositoryService;
import org.caserouting.CaseRouterApplication;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On the production profile, models are released from the repository: the service deploys its
 * folders at start, and a process owner's deployment from Camunda Modeler is refused, naming the
 * setting, with nothing deployed. A staging server that turns the setting on takes the same
 * deployment. The demo keeps Modeler deployments on ({@link ModelPolicyDeploymentTest}).
 */
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
class ReleasedModelsTest {

  private static final String BOUNDARY = "modeler-boundary";
  private static final String ENGINE = "released";

  @Test
  void aModelerDeploymentIsRefusedInProductionAndTakenWhereTheSettingAllowsIt() throws Exception {
    try (ConfigurableApplicationContext production = start()) {
      RepositoryService repository = production.getBean(RepositoryService.class);
      long deployments = repository.createDeploymentQuery().count();
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case-intake").count())
          .as("the repository's models, deployed at start").isEqualTo(1);

      HttpResponse<String> refused = deployFromModeler(production);

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("models here are released from the repository", "routing.dmn");
      assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
    }
    try (ConfigurableApplicationContext staging = start("--caserouting.models.deployments.by-clients=true")) {
      RepositoryService repository = staging.getBean(RepositoryService.class);
      long versions = repository.createDecisionDefinitionQuery().decisionDefinitionKey("caseRoute").count();

      HttpResponse<String> taken = deployFromModeler(staging);

      assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
      assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("caseRoute").count()).isEqualTo(versions + 1);
    }
  }

  private static ConfigurableApplicationContext start(String... more) {
    String[] args = {
        "--server.port=0",
        "--logging.structured.format.console=",
        "--ADMIN_USER=released-admin",
        "--ADMIN_PASSWORD=released-only-password",
        "--CASEROUTING_TRACKING_READER_KEY=released-only-reader-key",
        "--caserouting.receipts.key-file=target/released-models/receipt-key.jwk.json",
        "--caserouting.demo.enabled=true",
        "--caserouting.demo.applications=false",
        "--caserouting.mail.poll-interval=P3650D",
        "--caserouting.deadlines.scan-interval=P3650D",
        "--caserouting.metrics.refresh-interval=P3650D",
        "--camunda.bpm.job-execution.enabled=false",
        // Camunda's webapps keep their state in statics of the JVM, which a second service's would replace
        // and, once closed, leave broken for the test contexts' Tasklist; the engine REST API is all this needs.
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    // Its own database and engine, on profile postgres with the demo's people (a process owner among them).
    return new SpringApplicationBuilder(CaseRouterApplication.class).profiles("postgres")
        .initializers(new EmbeddedPostgresInitializer("released_models", ENGINE)).run(all);
  }

  /** What Camunda Modeler sends: a name, its source, the file; as the demo's process owner. */
  private static HttpResponse<String> deployFromModeler(ConfigurableApplicationContext service) throws Exception {
    byte[] table = Files.readAllBytes(Path.of("dmn/routing.dmn"));
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrouting from Modeler\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"routing.dmn\"; filename=\"routing.dmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + BOUNDARY + "--\r\n";
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), table, tail.getBytes(StandardCharsets.UTF_8));
    String port = service.getEnvironment().getProperty("local.server.port");
    // Addressed to the engine by name: in a JVM of several services, the unnamed path serves the one called "default".
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/engine/" + ENGINE + "/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("process-owner:demo".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
