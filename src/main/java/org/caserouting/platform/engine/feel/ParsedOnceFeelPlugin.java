package org.caserouting.platform.engine.feel;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine a FEEL engine that parses each expression once
 * ({@link ParsedOnceFeelEngine}); business rule tasks and our own look-ups both use it. A table
 * evaluated in a case may read the application's answers ({@link ApplicationAnswers}).
 */
@Component
class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ApplicationAnswers> answers;

  ParsedOnceFeelPlugin(ObjectProvider<ApplicationAnswers> answers) {
    this.answers = answers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy (JUEL) FEEL has nothing to keep
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new FeelEngineFactory() {
      @Override
      public FeelEngine createInstance() {
        // Looked up when a table asks, so that the engine is built before the beans that read applications.
        return new ParsedOnceFeelEngine(configuration.getDmnFeelCustomFunctionProviders(),
            applicationNo -> answers.getObject().of(applicationNo));
      }
    });
    configuration.setDmnEngineConfiguration(dmn);
  }
}
