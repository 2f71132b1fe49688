package org.caserouting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every Camunda Form in forms/ opened, filled and submitted in Tasklist in a real Chromium. Each
 * form is put on a user task of a throwaway process (one task per form, offered to the Neihu
 * district office's clerks, declaring the outcomes its form offers), so a form that fails to
 * render, hides a field or cannot be submitted is found without walking every process to it.
 */
@CaseRouterTest
class EveryFormInTasklistTest extends BrowserTest {

  static final String CLERK = "do-neihu-clerk";
  static final String PROCESS = "everyFormInTasklist";
  static final LocalDateTime IN_A_MONTH = LocalDateTime.now().plusDays(30).withHour(10).withMinute(0);

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  Deployment deployment;

  record Form(String id, int fields, List<JsonNode> required, List<String> outcomes, String firstOutcomeLabel) {}

  @AfterEach
  void removeTheProcess() {
    if (deployment != null) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void everyFormOfTheProcessesRendersAndSubmitsInTasklist() throws IOException {
    List<Form> forms = forms();
    assertThat(forms).hasSizeGreaterThanOrEqualTo(15);
    deployment = repository.createDeployment().name(PROCESS).addString(PROCESS + ".bpmn", process(forms)).deploy();
    String instance = runtime.startProcessInstanceByKey(PROCESS, "FORMS-CHECK",
        // The first review's means-test line shows only when the case has one: here it has.
        Map.of("applicationNo", "FORMS-CHECK", "caseTypeName", "表單檢查 Form check",
            "meansTestProposal", "系統建議 Proposed：低收入戶 Low income")).getId();

    Tasklist tasklist = new Tasklist(browser, base()).signIn(CLERK);
    for (Form form : forms) {
      Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskId(form)).singleResult();
      tasklist.openTaskById(task.getId()).claim();

      assertThat(tasklist.formFields()).as("fields shown by %s", form.id()).isEqualTo(form.fields());
      for (JsonNode field : form.required()) {
        switch (field.path("type").asText()) {
          case "select" -> { }
          case "datetime" -> tasklist.fillDateTime(field.path("id").asText(), IN_A_MONTH);
          case "number" -> tasklist.fill(field.path("id").asText(), "3");
          default -> tasklist.fill(field.path("id").asText(), "2026-12-01T10:00");
        }
      }
      tasklist.choose(form.firstOutcomeLabel());
      Chromium.screenshot(browser, "form-" + form.id());
      tasklist.complete();

      assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count())
          .as("%s submitted", form.id()).isEqualTo(1);
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
              .variableName(taskId(form) + "Outcome").singleResult().getValue())
          .as("the outcome %s recorded", form.id()).isEqualTo(form.outcomes().get(0));
      for (JsonNode field : form.required()) {
        if (field.path("type").asText().equals("datetime")) {
          assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                  .variableName(field.path("key").asText()).singleResult().getValue())
              .as("the date and time %s recorded", form.id()).asString()
              .startsWith(IN_A_MONTH.toLocalDate() + "T10:00");
        }
      }
    }
  }

  private static String taskId(Form form) {
    return "fill_" + form.id().replace('-', '_');
  }

  private static List<Form> forms() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Form> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = json.readTree(file.toFile());
        List<JsonNode> required = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        String firstLabel = null;
        for (JsonNode component : form.path("components")) {
          if (component.path("validate").path("required").asBoolean()) {
            required.add(component);
          }
          if (component.path("key").asText().equals("outcome")) {
            component.path("values").forEach(value -> outcomes.add(value.path("value").asText()));
            firstLabel = component.path("values").get(0).path("label").asText();
          }
        }
        forms.add(new Form(form.path("id").asText(), form.path("components").size(), required, outcomes, firstLabel));
      }
    }
    return forms;
  }

  /** One user task per form, all open at once, each declaring the outcomes its form offers. */
  private static String process(List<Form> forms) {
    StringBuilder tasks = new StringBuilder();
    StringBuilder flows = new StringBuilder();
    for (Form form : forms) {
      String task = taskId(form);
      tasks.append("""
          <bpmn:userTask id="%1$s" name="%2$s" camunda:candidateGroups="%3$s" camunda:formRef="%2$s" camunda:formRefBinding="latest">
            <bpmn:extensionElements><camunda:properties>
              <camunda:property name="outcomes" value="%4$s" />
            </camunda:properties></bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:endEvent id="%1$s_done" />
          """.formatted(task, form.id(), CLERK, String.join(",", form.outcomes())));
      flows.append("""
          <bpmn:sequenceFlow id="to_%1$s" sourceRef="split" targetRef="%1$s" />
          <bpmn:sequenceFlow id="from_%1$s" sourceRef="%1$s" targetRef="%1$s_done" />
          """.formatted(task));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="everyForm" targetNamespace="http://caserouting.org/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toSplit" sourceRef="start" targetRef="split" />
            <bpmn:parallelGateway id="split" />
            %s
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(PROCESS, tasks, flows).strip();
  }
}
