package org.caserouting.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Process test coverage for the {@link ProcessScenarioTest} classes: each
 * class must cover 90% of the flow nodes and sequence flows of the models it exercises (the intake
 * and sign-off, which other classes cover, excepted). Reports go to target/process-test-coverage.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverage {

  public static final double MINIMUM = 0.9;

  @Bean
  ProcessEngineCoverageProperties coverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(MINIMUM)
        .excludeProcessDefinitionKeys("case-intake", "sign-off", "single-agency-review")
        .build();
  }
}
