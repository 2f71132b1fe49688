package org.caserouting.platform.engine.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment the model policy refuses. It is the engine's own parse failure, so the engine REST
 * API answers it 400 with a report per resource (what Camunda Modeler shows when a deployment
 * fails), and a start-up deployment stops the start with every violation listed.
 */
class DeploymentRefused extends ParseException {

  private static final long serialVersionUID = 1L;

  private record PolicyProblem(String getMessage, String getMainElementId) implements Problem {
    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public List<String> getElementIds() {
      return getMainElementId == null ? List.of() : List.of(getMainElementId);
    }
  }

  DeploymentRefused(List<ModelPolicy.Violation> violations) {
    super(message(violations), violations.get(0).resource(), List.of(), List.of());
    Map<String, List<Problem>> byResource = new LinkedHashMap<>();
    for (ModelPolicy.Violation violation : violations) {
      byResource.computeIfAbsent(violation.resource(), r -> new ArrayList<>())
          .add(new PolicyProblem(violation.message(), violation.elementId()));
    }
    List<ResourceReport> reports = new ArrayList<>();
    byResource.forEach((resource, problems) -> reports.add(new ResourceReportImpl(resource, problems, List.of())));
    this.resorceReports = reports;
  }

  private static String message(List<ModelPolicy.Violation> violations) {
    StringBuilder text =
        new StringBuilder("部署遭模型政策拒絕，未部署任何資源 The model policy refuses this deployment; nothing was deployed (")
            .append(violations.size()).append(violations.size() == 1 ? " violation):" : " violations):");
    violations.forEach(violation -> text.append("\n- ").append(violation));
    return text.toString();
  }
}
