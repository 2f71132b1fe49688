package org.caserouting.platform.engine.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * A case runs the versions it was built for (ADR 0029): calls and forms are bound to their
 * deployment, so a deployment must hold every process its models call and every form they show
 * that way. A deployment of one changed model alone would leave its calls and forms without a
 * version to bind, and is refused, naming what it lacks: deploy every model together.
 */
@Component
class ModelsDeployedTogether implements DeploymentCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPLOYMENT = "deployment";

  @Override
  public List<ModelPolicy.Violation> check(Map<String, byte[]> resources) {
    Set<String> processes = new HashSet<>();
    Set<String> forms = new HashSet<>();
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn")) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        models.put(name, model);
        model.getModelElementsByType(Process.class).forEach(process -> processes.add(process.getId()));
      } else if (name.endsWith(".form")) {
        formId(bytes).ifPresent(forms::add);
      }
    });
    List<ModelPolicy.Violation> violations = new ArrayList<>();
    models.forEach((name, model) -> {
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if (DEPLOYMENT.equals(call.getCamundaCalledElementBinding()) && !processes.contains(call.getCalledElement())) {
          violations.add(new ModelPolicy.Violation(name, call.getId(), "呼叫之流程不在同一部署 calls '" + call.getCalledElement()
              + "' bound to its deployment, which does not hold it: deploy every model together"));
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (DEPLOYMENT.equals(task.getCamundaFormRefBinding()) && !forms.contains(task.getCamundaFormRef())) {
          violations.add(new ModelPolicy.Violation(name, task.getId(), "表單不在同一部署 shows form '" + task.getCamundaFormRef()
              + "' bound to its deployment, which does not hold it: deploy every model together"));
        }
      }
    });
    return violations;
  }

  private static Optional<String> formId(byte[] form) {
    try {
      JsonNode id = JSON.readTree(form).path("id");
      return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
    } catch (IOException unreadable) {
      return Optional.empty(); // the model policy reports it
    }
  }
}
