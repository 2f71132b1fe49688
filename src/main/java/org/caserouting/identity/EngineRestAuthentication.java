package org.caserouting.identity;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The engine REST API answers only authenticated callers (HTTP Basic against the engine's users),
 * so the engine's authorizations apply to every call, and Camunda Modeler can deploy with a
 * process owner's login.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + OidcSecurity.PROFILE)
class EngineRestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    return filter(HttpBasicAuthenticationProvider.class);
  }

  /** The engine's own authentication filter on /engine-rest, asking the given provider who calls. */
  static FilterRegistrationBean<ProcessEngineAuthenticationFilter> filter(Class<? extends AuthenticationProvider> provider) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
