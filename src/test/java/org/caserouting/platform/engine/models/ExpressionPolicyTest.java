package org.caserouting.platform.engine.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.caserouting.platform.engine.models.ExpressionPolicy.Use;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes a model's expressions may take, judged on the parsed expression. */
class ExpressionPolicyTest {

  private static final ExpressionPolicy POLICY =
      new ExpressionPolicy(new ModelVocabulary(
          Set.of("recordDecision"),
          Map.of("agencyGroups", Set.of("clerks", "chiefs"), "verificationRetries", Set.of("getCycle", "cycle"))));

  @ParameterizedTest
  @ValueSource(strings = {
      "${route == 'HORIZONTAL' || route == 'HORIZONTAL_THEN_VERTICAL'}",
      "${reviewByUpperAgencyOutcome == 'REJECT' ? 'REJECT' : (hasHigherLevel ? 'FORWARD' : 'APPROVE')}",
      "${inspectionRound >= 3 && !withdrawn}",
      "${agencyGroups.clerks(receivingAgency)}",
      "${verificationRetries.cycle}",
      "#{execution.processBusinessKey}",
      "${check.service}",
      "${check['fields']}",
      "${plan[0].service}",
      "${null}",
      "${0}",
      "第 ${inspectionRound} 輪 round",
      "econ-clerk"})
  void allowed(String expression) {
    assertThat(POLICY.check(expression, Use.VALUE).problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${x.getClass()}",
      "${x.class.classLoader}",
      "${x['class']}",
      "${x[name]}",
      "${agencyGroups.getClass()}",
      "${agencyGroups.toString()}",
      "${agencyGroups}",
      "${runtimeService.createProcessInstanceQuery().list()}",
      "${execution.getProcessEngineServices()}",
      "${execution.processEngine}",
      "${task}",
      "${recordDecision}",
      "${dateTime().plusDays(1)}",
      "${now()}",
      "${S(json).prop('x')}",
      "${'abc'.concat('d')}",
      "${not valid"})
  void refused(String expression) {
    assertThat(POLICY.check(expression, Use.VALUE).problems()).as(expression).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${recordDecision.execute(execution)}", "${agencyGroups}", "${unknownBean}", "recordDecision"})
  void aDelegateExpressionNamesADelegateAndNothingMore(String expression) {
    assertThat(POLICY.check(expression, Use.DELEGATE).problems()).as(expression).isNotEmpty();
    assertThat(POLICY.check("${recordDecision}", Use.DELEGATE).problems()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theVariablesAnExpressionReadsAreKnown() {
    assertThat(POLICY.check("${agencyGroups.clerks(receivingAgency)} ${levelIndex == 0 && check.service != null}",
        Use.VALUE).variables())
        .containsExactlyInAnyOrder("receivingAgency", "levelIndex", "check");
  }
}
