package org.caserouting.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.RepositoryService;
import org.caserouting.support.CaseRouterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Look-ups answer from the latest deployed table, remember an answer for a while, and notice a
 * process owner's new version once that while is over. Each test deploys a table of its own.
 */
@CaseRouterTest
class DeployedDecisionsTest {

  private static final Duration FRESH_FOR = Duration.ofSeconds(10);

  @Autowired RepositoryService repository;

  private final AtomicLong now = new AtomicLong();

  @Test
  void answersFromTheTableAndRemembersTheAnswerForTheSameInputs() {
    String key = deploy("lookupRemembers", "\"open\"");
    DeployedDecisions decisions = new DeployedDecisions(repository, FRESH_FOR, now::get);

    var first = decisions.evaluate(key, Map.of("documents", 2));
    assertThat(answer(first)).isEqualTo("open");
    assertThat(answer(decisions.evaluate(key, Map.of("documents", 0)))).isEqualTo("counter");

    now.addAndGet(FRESH_FOR.toNanos());
    assertThat(decisions.evaluate(key, Map.of("documents", 2))).as("the answer remembered").isSameAs(first);
    now.incrementAndGet();
    var later = decisions.evaluate(key, Map.of("documents", 2));
    assertThat(later).as("evaluated again once the while is over").isNotSameAs(first);
    assertThat(answer(later)).isEqualTo("open");
  }

  @Test
  void aNewVersionOfTheTableIsAnsweredFromOnceTheWhileIsOver() {
    String key = deploy("lookupRedeployed", "\"open\"");
    DeployedDecisions decisions = new DeployedDecisions(repository, FRESH_FOR, now::get);
    assertThat(answer(decisions.evaluate(key, Map.of("documents", 2)))).isEqualTo("open");

    deploy(key, "\"online with a field step\"");
    now.addAndGet(FRESH_FOR.toNanos() / 2);
    assertThat(answer(decisions.evaluate(key, Map.of("documents", 2)))).as("within the while").isEqualTo("open");
    now.addAndGet(FRESH_FOR.toNanos());
    assertThat(answer(decisions.evaluate(key, Map.of("documents", 2)))).isEqualTo("online with a field step");
  }

  @Test
  void inputsWithoutAnAnswerAreLookedUpToo() {
    String key = deploy("lookupWithNull", "\"open\"");
    DeployedDecisions decisions = new DeployedDecisions(repository, FRESH_FOR, now::get);
    Map<String, Object> unanswered = new HashMap<>();
    unanswered.put("documents", null);

    assertThat(answer(decisions.evaluate(key, unanswered))).isEqualTo("counter");
  }

  @Test
  void aTableNobodyDeployedIsAConfigurationError() {
    DeployedDecisions decisions = new DeployedDecisions(repository, FRESH_FOR, now::get);

    assertThatThrownBy(() -> decisions.evaluate("neverDeployed", Map.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("neverDeployed");
  }

  private static String answer(DmnDecisionResult result) {
    return result.getSingleEntry();
  }

  /** A table answering {@code whenOnline} for one or more documents and "counter" otherwise. */
  private String deploy(String key, String whenOnline) {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="%1$sDefinitions" name="%1$s" namespace="http://caserouting.org/dmn/test">
          <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="1">
            <decisionTable id="%1$sTable" hitPolicy="FIRST">
              <input id="documents"><inputExpression id="documentsExpression" typeRef="integer"><text>documents</text></inputExpression></input>
              <output id="channel" name="channel" typeRef="string" />
              <rule id="online"><inputEntry id="atLeastOne"><text>&gt;= 1</text></inputEntry><outputEntry id="onlineAnswer"><text>%2$s</text></outputEntry></rule>
              <rule id="counter"><inputEntry id="anything"><text></text></inputEntry><outputEntry id="counterAnswer"><text>"counter"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, whenOnline);
    repository.createDeployment().name("test " + key).addString(key + ".dmn", dmn).deploy();
    return key;
  }
}
