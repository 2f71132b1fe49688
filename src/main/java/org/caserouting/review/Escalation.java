package org.caserouting.review;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.cases.CaseVariables;
import org.caserouting.cases.Decision;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.review.VerticalEscalatedApprovalProcess.Elements;
import org.caserouting.review.VerticalEscalatedApprovalProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Moves a vertical case up and down its chain: the receiving agency, then each agency of the case
 * type's escalation chain. The chain is read from the catalog, so it can be of any length.
 */
@Component
class Escalation {

  private final CaseTypeRepository caseTypes;
  private final ApplicationRepository applications;
  private final CaseEvents events;

  Escalation(CaseTypeRepository caseTypes, ApplicationRepository applications, CaseEvents events) {
    this.caseTypes = caseTypes;
    this.applications = applications;
    this.events = events;
  }

  /** The receiving agency first, then the agencies above it: the application's, as recorded. */
  List<String> chainOf(DelegateExecution execution) {
    Application application = applications.require(execution.getProcessBusinessKey());
    String code = application.getCaseTypeCode();
    CaseType type = caseTypes.findById(code).orElseThrow(() -> new IllegalStateException("Unknown case type " + code));
    if (type.getEscalationChain().isEmpty()) {
      throw new IllegalStateException("Case type " + code + " has no escalation chain; it cannot be escalated");
    }
    List<String> chain = new ArrayList<>();
    chain.add(application.getReceivingAgency());
    chain.addAll(type.getEscalationChain());
    return chain;
  }

  void prepare(DelegateExecution execution) {
    List<String> chain = chainOf(execution);
    moveTo(execution, chain, 0);
    execution.setVariable(Variables.ESCALATION_PATH, String.join(" → ", chain));
  }

  void forward(DelegateExecution execution) {
    List<String> chain = chainOf(execution);
    int from = level(execution);
    moveTo(execution, chain, from + 1);
    events.record(execution.getProcessBusinessKey(), CaseEventKind.FORWARDED, chain.get(from + 1),
        "from " + chain.get(from));
  }

  void returnDown(DelegateExecution execution) {
    List<String> chain = chainOf(execution);
    int from = level(execution);
    String opinion = (String) execution.getVariable(TaskOutcome.opinionOf(Elements.UPPER_REVIEW));
    moveTo(execution, chain, from - 1);
    execution.setVariable(Variables.UPPER_RETURN_OPINION, opinion);
    events.record(execution.getProcessBusinessKey(), CaseEventKind.RETURNED_TO_LOWER_AGENCY, chain.get(from - 1),
        "from " + chain.get(from) + ": " + opinion);
  }

  /** The signed draft of the level that decided becomes the decision. */
  void conclude(DelegateExecution execution) {
    boolean atReceivingAgency = level(execution) == 0;
    String review = atReceivingAgency ? Elements.FIRST_REVIEW : Elements.UPPER_REVIEW;
    boolean approved =
        !atReceivingAgency && TaskOutcome.APPROVE.name().equals(execution.getVariable(TaskOutcome.outcomeOf(review)));
    Decision decision = approved ? Decision.APPROVED : Decision.REJECTED;
    execution.setVariable(CaseVariables.DECISION, decision.name());
    execution.setVariable(CaseVariables.DECISION_REASON, execution.getVariable(TaskOutcome.opinionOf(review)));
    events.record(execution.getProcessBusinessKey(), CaseEventKind.DECIDED,
        (String) execution.getVariable(Variables.CURRENT_AGENCY), decision.name());
  }

  private static int level(DelegateExecution execution) {
    return ((Number) execution.getVariable(Variables.LEVEL_INDEX)).intValue();
  }

  private static void moveTo(DelegateExecution execution, List<String> chain, int level) {
    execution.setVariable(Variables.LEVEL_INDEX, level);
    execution.setVariable(Variables.CURRENT_AGENCY, chain.get(level));
    execution.setVariable(Variables.HAS_HIGHER_LEVEL, level < chain.size() - 1);
  }
}
