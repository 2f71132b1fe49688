package org.caserouting.operations;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.caserouting.platform.engine.HistoryRetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * How long the engine keeps a finished case's history (its variables, the applicant's name among
 * them, its tasks and decisions): set on every deployed version of every process and decision at
 * start, from configuration, and on every process a process owner deploys later
 * ({@link HistoryRetentionPlugin}), so the retention period is the city's records schedule and not what the last modeller typed. The engine's history cleanup then removes what has expired, inside the
 * window set in application.yaml. The project's own tables (applications, evidence, receipts) are
 * records the city keeps under its own schedule and are not touched here.
 */
@Component
@EnableConfigurationProperties(HistoryRetentionProperties.class)
class HistoryRetention implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final RepositoryService repository;
  private final HistoryRetentionProperties properties;

  HistoryRetention(RepositoryService repository, HistoryRetentionProperties properties) {
    this.repository = repository;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    int changed = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      int days = properties.daysFor(definition.getKey());
      if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      int days = properties.daysFor(definition.getKey());
      if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      log.info("History time to live set on {} process and decision definition(s)", changed);
    }
  }
}
