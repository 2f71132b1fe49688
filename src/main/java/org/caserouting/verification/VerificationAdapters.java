package org.caserouting.verification;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.caserouting.cases.CaseVariables;
import org.caserouting.platform.Refusal;
import org.caserouting.platform.Variable;
import org.caserouting.platform.engine.EngineContext;
import org.caserouting.platform.engine.task.ActingUser;
import org.caserouting.verification.VerificationProcess.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verification's service task and manual task: thin adapters onto {@link Verification}. The
 * query step is configured in the model by its input parameters (see the Modeler element template).
 */
@Configuration(proxyBeanMethods = false)
class VerificationAdapters {

  private final Verification verification;

  VerificationAdapters(Verification verification) {
    this.verification = verification;
  }

  /**
   * One query. A refusal (no consent, outside the scope), or an agency still failing on the last
   * retry, becomes the BPMN error {@value VerificationProcess#FAILED}: the clerk verifies by hand.
   */
  @Bean
  JavaDelegate agencyVerification() {
    return execution -> {
      String service = input(execution, Variables.SERVICE);
      Verification.Request request = new Verification.Request(
          execution.getProcessBusinessKey(),
          execution.getCurrentActivityId(),
          // stable across retries of this step, so the agency can tell a retry from a new query
          execution.getProcessInstanceId() + "/" + execution.getCurrentActivityId() + "/"
              + Variables.LOOP_COUNTER.from(execution),
          CaseVariables.RECEIVING_AGENCY.required(execution),
          EngineContext.authenticatedUser().orElse("system"),
          service,
          input(execution, Variables.FIELDS),
          input(execution, Variables.PURPOSE),
          Verification.Subject.valueOf(input(execution, Variables.SUBJECT)));
      try {
        String line = verification.verify(request);
        String resultVariable = Variables.RESULT_VARIABLE.from(execution);
        if (resultVariable != null && !resultVariable.isBlank()) {
          Variable.text(resultVariable).on(execution, line);
        }
        append(execution, line);
      } catch (VerificationRefusedException refused) {
        // A query we may not make is not put to the agency's clerks either.
        slip(execution, request, Optional.empty());
        Variables.PROBLEM.on(execution, service + ": " + refused.getMessage());
        throw new BpmnError(VerificationProcess.FAILED, refused.getMessage());
      } catch (AgencyUnavailableException failed) {
        if (!EngineContext.lastAttempt()) {
          throw failed;
        }
        Optional<Verification.Slip> slip = verification.slip(request);
        slip(execution, request, slip);
        Variables.PROBLEM.on(execution, service + ": " + failed.getMessage()
            + (slip.isPresent() ? " — asked of the agency's clerks by contact slip (聯繫單)."
                : " — please verify with the agency by other means (聯繫單) and record its answer."));
        throw new BpmnError(VerificationProcess.FAILED, failed.getMessage());
      }
    };
  }

  /** The clerk's manual verification (聯繫單) is kept with the agencies' answers, and is a line of the summary. */
  @Bean
  TaskListener manualVerificationRecorder() {
    return task -> {
      String answer = Variables.MANUAL_ANSWER.from(task);
      String reference = Variables.MANUAL_REFERENCE.from(task);
      if (answer == null || answer.isBlank()) {
        throw new Refusal("請記錄查得的內容與方式。 Record what was found, and how.");
      }
      String text = answer.strip() + (reference == null || reference.isBlank() ? "" : " (" + reference.strip() + ")");
      verification.recordByHand(task.getExecution().getProcessBusinessKey(), Variables.SLIP_SERVICE.from(task), text);
      append(task.getExecution(), "人工查證 Verified by hand: " + text);
    };
  }

  /** The source agency's clerk answers the contact slip: evidence, and the line the called process returns. */
  @Bean
  TaskListener contactSlipRecorder() {
    return task -> ContactSlipProcess.Variables.LINE.on(task.getExecution(), verification.answerSlip(
        task.getExecution().getProcessBusinessKey(),
        ContactSlipProcess.Variables.REQUESTING_AGENCY.required(task),
        ContactSlipProcess.Variables.SOURCE_AGENCY.required(task),
        ContactSlipProcess.Variables.SERVICE.required(task),
        ContactSlipProcess.Variables.FIELDS.required(task),
        ContactSlipProcess.Variables.PURPOSE.required(task),
        ActingUser.of(task).orElse(null),
        ContactSlipProcess.Variables.ANSWER.from(task),
        ContactSlipProcess.Variables.REFERENCE.from(task)));
  }

  /** The contact slip's answer, returned by the called process, joins the verification summary. */
  @Bean
  ExecutionListener contactSlipAnswered() {
    return execution -> {
      String line = Variables.SLIP_LINE.from(execution);
      if (line != null) {
        append(execution, line);
      }
    };
  }

  /** The contact slip for the failed query, or none: the variables the slip's call maps in. */
  private static void slip(DelegateExecution execution, Verification.Request request, Optional<Verification.Slip> slip) {
    Variables.SLIP_AGENCY.on(execution, slip.map(Verification.Slip::sourceAgency).orElse(null));
    Variables.SLIP_ASKER.on(execution, request.requestingAgency());
    Variables.SLIP_ASKER_NAME.on(execution, slip.map(Verification.Slip::askerName).orElse(null));
    Variables.SLIP_SERVICE.on(execution, request.service());
    Variables.SLIP_FIELDS.on(execution, request.fields());
    Variables.SLIP_QUESTION.on(execution, slip.map(Verification.Slip::question).orElse(null));
    Variables.SLIP_PURPOSE.on(execution, request.purpose());
    Variables.SLIP_SUBJECT.on(execution, slip.map(Verification.Slip::subject).orElse(null));
  }

  private static void append(VariableScope scope, String line) {
    String before = Variables.SUMMARY.from(scope);
    Variables.SUMMARY.on(scope, before == null || before.isBlank() ? line : before + "\n" + line);
  }

  private static String input(DelegateExecution execution, Variable<String> parameter) {
    String value = parameter.from(execution);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("The verification step needs the input parameter '" + parameter.name() + "'");
    }
    return value;
  }
}
