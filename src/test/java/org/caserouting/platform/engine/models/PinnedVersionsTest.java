package org.caserouting.platform.engine.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A case runs the versions it was built for (ADR 0029): a release with a new sign-off does not
 * reach a case that started before it, which signs off as it was built to; a case started after
 * the release signs off the new way.
 */
@CaseRouterTest
class PinnedVersionsTest {

  private static final String NEW_NAME = "陳核（新版） Sign-off, new version";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @Test
  void aNewSignOffReachesOnlyTheCasesStartedAfterIt() throws Exception {
    Api portal = new Api(http);
    String before = portal.submit(Submission.householdTranscript()).body().get("applicationNo").asText();
    CaseWork earlier = new CaseWork(engine, before);
    earlier.work("hr-daan-clerk", TaskOutcome.APPROVE, "核發英文戶籍謄本");
    Task signedTheOldWay = earlier.taskFor("hr-daan-chief");
    String oldName = signedTheOldWay.getName();
    CaseWork waiting = new CaseWork(engine, portal.submit(Submission.householdTranscript()).body().get("applicationNo").asText());

    release(model -> model.replace("<bpmn:userTask id=\"signOff\" name=\"陳核 Sign-off\"",
        "<bpmn:userTask id=\"signOff\" name=\"" + NEW_NAME + "\""));
    try {
      waiting.work("hr-daan-clerk", TaskOutcome.APPROVE, "核發英文戶籍謄本");
      CaseWork after = new CaseWork(engine, portal.submit(Submission.householdTranscript()).body().get("applicationNo").asText());
      after.work("hr-daan-clerk", TaskOutcome.APPROVE, "核發英文戶籍謄本");

      assertThat(oldName).isNotEqualTo(NEW_NAME);
      assertThat(waiting.taskFor("hr-daan-chief").getName()).as("a case started before the release").isEqualTo(oldName);
      assertThat(after.taskFor("hr-daan-chief").getName()).as("a case started after it").isEqualTo(NEW_NAME);
      waiting.work("hr-daan-chief", TaskOutcome.APPROVE, null);
      assertThat(waiting.ended()).as("the earlier case ends on its own versions").isTrue();
    } finally {
      release(UnaryOperator.identity());
    }
  }

  /** Every model of the repository, deployed together as a release is, the sign-off changed by {@code edit}. */
  private void release(UnaryOperator<String> edit) throws IOException {
    DeploymentBuilder release = engine.getRepositoryService().createDeployment().name("release");
    for (String folder : List.of("processes", "dmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
          String text = Files.readString(file);
          release.addString(file.getFileName().toString(), file.getFileName().toString().equals("sign-off.bpmn") ? edit.apply(text) : text);
        }
      }
    }
    release.deploy();
  }
}
