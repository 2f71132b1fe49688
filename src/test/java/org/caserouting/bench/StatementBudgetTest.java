package org.caserouting.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.intake.IntakeService;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.CaseWork;
import org.caserouting.support.StatementCount;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a case costs the database is deterministic, so a regression shows here, in every build,
 * before any benchmark is run: one low-income case, from submission to decision, against the
 * budget in statement-budget.properties.
 */
@CaseRouterTest
class StatementBudgetTest {

  /** Below the budget by more than this, the budget is to be lowered, so that it stays a guard. */
  static final double SLACK = 0.05;

  @Autowired IntakeService intake;
  @Autowired ProcessEngine engine;

  @Test
  void aLowIncomeCaseStaysWithinItsStatementBudget() throws IOException {
    SubmitApplicationRequest request =
        new ObjectMapper().convertValue(Submission.lowIncome().body(), SubmitApplicationRequest.class);
    intake.submit(request, null); // the first case of a type loads what later cases find cached

    Map<String, Long> counts = StatementCount.of(() -> {
      CaseWork work = new CaseWork(engine, intake.submit(request, null).answer().applicationNo());
      work.runAsyncContinuations();
      work.work("do-daan-clerk", APPROVE, "擬陳轉");
      work.work("do-daan-chief", APPROVE, "如擬");
      work.work("social-clerk", APPROVE, "核列低收入戶");
      work.work("social-chief", APPROVE, "如擬");
    });

    long statements = counts.values().stream().mapToLong(Long::longValue).sum();
    long budget = budget("low-income-case");
    String largest = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    String ours = counts.entrySet().stream().filter(e -> !e.getKey().contains(" act_"))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    assertThat(statements).as("statements per case (budget %s); the largest: %s; our own tables: %s", budget, largest, ours)
        .isLessThanOrEqualTo(budget);
    assertThat(statements).as("the case costs %s statements, well under the budget of %s: lower it", statements, budget)
        .isGreaterThanOrEqualTo((long) (budget * (1 - SLACK)));
  }

  private static long budget(String name) throws IOException {
    Properties budgets = new Properties();
    try (InputStream in = StatementBudgetTest.class.getResourceAsStream("/statement-budget.properties")) {
      budgets.load(in);
    }
    return Long.parseLong(budgets.getProperty(name));
  }
}
