package org.caserouting.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.caserouting.identity.EngineIdentityAuthentication;
import org.caserouting.identity.SignIn;
import org.caserouting.identity.SignInProperties;
import org.caserouting.platform.AgencyGroups;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator: health and its liveness and readiness probes are open, for the proxy and the
 * orchestrator, and say only UP or DOWN to strangers. Metrics and the rest need the monitoring
 * system's key (machine client {@code operations}) or an administrator's password, in every
 * profile: a scraper is a machine, not a person with a token.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain actuatorFilterChain(HttpSecurity http, IdentityService identity, SignInProperties signIn)
      throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .anyRequest().hasAnyAuthority(AgencyGroups.OPERATIONS, Groups.CAMUNDA_ADMIN))
        .authenticationProvider(new SignIn(signIn, new EngineIdentityAuthentication(identity)))
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors
            .accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.FORBIDDEN.value())))
        .build();
  }
}
