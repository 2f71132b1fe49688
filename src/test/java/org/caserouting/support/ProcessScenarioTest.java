package org.caserouting.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.caserouting.CaseRouterApplication;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Scenario tests of process models, with process test coverage measured and required (see
 * {@link ProcessCoverage}). They get a context and database of their own: the coverage
 * listener reads process definitions with the caller's permissions, which the authorization
 * tests of {@link CaseRouterTest} must not be given.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = {CaseRouterApplication.class, ProcessCoverage.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = ProcessScenarioTest.ScenarioDatabase.class)
@TestExecutionListeners(
    listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
public @interface ProcessScenarioTest {

  class ScenarioDatabase extends EmbeddedPostgresInitializer {
    public ScenarioDatabase() {
      super("case_router_scenarios", "scenarios");
    }
  }
}
