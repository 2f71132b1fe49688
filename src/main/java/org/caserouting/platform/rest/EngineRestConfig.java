package org.caserouting.platform.rest;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, but with {@link EngineErrors} in place of
 * the engine's own error mapping, so a refused task answers 400 or 409 instead of 500.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration =
        CamundaRestResources.getConfigurationClasses().stream()
            .filter(type -> type != ProcessEngineExceptionHandler.class && type != RestExceptionHandler.class)
            .collect(Collectors.toSet());
    registerClasses(configuration);
    register(EngineErrors.ForEngine.class);
    register(EngineErrors.ForRest.class);
    register(JacksonFeature.class);
  }
}
