package org.caserouting.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The bare-engine baseline: a process of the same shape as one real case, read from that case's
 * history. Every user task it passed is a user task here, every service, rule or script task a
 * service task that does nothing, every gateway a gateway, every call activity a call of an empty
 * process, and the steps that ran as jobs are asynchronous here too. What the baseline lacks is
 * exactly our layer: the delegates' work, our tables, listeners and decisions.
 */
final class BaselineModel {

  static final String KEY = "benchBaseline";
  static final String SUB = "benchBaselineCalled";

  private BaselineModel() {}

  record Shape(List<String> steps, Set<String> asyncActivities, long userTasks) {
    String describe() {
      return steps.stream().collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting())).toString()
          + ", " + asyncActivities.size() + " asynchronous";
    }
  }

  /** The activities the case passed, in order, across its intake process and every process it called. */
  static Shape shapeOf(HistoryService history, String businessKey, Set<String> asyncActivities) {
    List<HistoricActivityInstance> activities = new ArrayList<>();
    for (HistoricProcessInstance instance :
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      activities.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list());
    }
    activities.sort(Comparator.comparing(HistoricActivityInstance::getStartTime)
        .thenComparing(HistoricActivityInstance::getId));
    List<String> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      String type = activity.getActivityType();
      String step = switch (type) {
        case "userTask" -> "userTask";
        case "serviceTask", "businessRuleTask", "scriptTask", "sendTask" -> "serviceTask";
        case "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway" -> "gateway";
        case "callActivity" -> "callActivity";
        default -> null;
      };
      if (step != null) {
        steps.add(asyncActivities.contains(activity.getActivityId()) ? step + ":async" : step);
      }
    }
    long userTasks = steps.stream().filter(s -> s.startsWith("userTask")).count();
    return new Shape(steps, asyncActivities, userTasks);
  }

  static List<BpmnModelInstance> models(Shape shape) {
    AbstractFlowNodeBuilder<?, ?> flow =
        Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent("start");
    int i = 0;
    for (String step : shape.steps()) {
      boolean async = step.endsWith(":async");
      String id = "step" + (i++);
      flow = switch (step.replace(":async", "")) {
        case "userTask" -> flow.userTask(id).camundaCandidateGroups("bench-clerk").camundaAsyncBefore(async);
        case "serviceTask" -> flow.serviceTask(id).camundaExpression("${true}").camundaAsyncBefore(async);
        case "gateway" -> flow.exclusiveGateway(id).camundaAsyncBefore(async);
        case "callActivity" -> flow.callActivity(id).calledElement(SUB).camundaAsyncBefore(async);
        default -> throw new IllegalArgumentException(step);
      };
    }
    BpmnModelInstance main = flow.endEvent("end").done();
    BpmnModelInstance called =
        Bpmn.createExecutableProcess(SUB).camundaHistoryTimeToLive(1).startEvent().endEvent().done();
    return List.of(main, called);
  }
}
