package org.caserouting.platform.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/** Gives every process the configured history time to live as it is deployed (see {@link HistoryRetention}). */
@Component
public class HistoryRetentionPlugin extends AbstractProcessEnginePlugin {

  private final HistoryRetentionProperties properties;

  HistoryRetentionPlugin(HistoryRetentionProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        definition.setHistoryTimeToLive(properties.daysFor(definition.getKey()));
      }
    });
  }
}
