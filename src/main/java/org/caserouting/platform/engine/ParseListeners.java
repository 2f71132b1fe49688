package org.caserouting.platform.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** How our plugins add to what the engine does as it parses a deployed model. */
final class ParseListeners {

  private ParseListeners() {}

  /** Runs after the engine's own parsing of each model, so it sees what the engine built. */
  static void addAfterEngine(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }
}
