package org.caserouting.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Our API answers only signed-in callers: HTTP Basic against the engine's users, the same people
 * and groups as in Tasklist. Each caller's groups become its authorities. The Camunda webapps and
 * the engine REST API keep their own authentication; the demo's agency simulator is open. In
 * profile oidc, {@link OidcSecurity} takes bearer tokens instead.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + OidcSecurity.PROFILE)
class ApiSecurity {

  @Bean
  SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            // Any agency or citizen may check a receipt they were shown.
            .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/receipts/verify").permitAll()
            // The applicant's own view, checked by number and ID suffix and rate-limited.
            .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/applications/*/timeline").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/applications/*/decision-letter").permitAll()
            .anyRequest().authenticated())
        // A wrong password gets the same problem as none, not the servlet container's error page.
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized("Basic realm=\"case-router\"")))
        .headers(ApiSecurity::jsonHeaders)
        // A stateless API with credentials on every call: no session, no cookie to forge requests with.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized("Basic realm=\"case-router\"")))
        .build();
  }

  /** JSON only: nothing to run, nothing to frame, no Referer to leak; HSTS behind HTTPS. */
  static void jsonHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
  }

  /** A 401 as problem+json, with the challenge the client should answer. */
  static AuthenticationEntryPoint unauthorized(String challenge) {
    return (request, response, e) -> {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader("WWW-Authenticate", challenge);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
          + "\"detail\":\"Sign in: the API answers the city portal and agency staff only.\"}");
    };
  }

  /**
   * A machine client's key, or a person's password checked by the engine's identity service; the
   * caller's groups become its authorities.
   */
  @Bean
  AuthenticationProvider signIn(SignInProperties properties, IdentityService identity) {
    return new SignIn(properties, new EngineIdentityAuthentication(identity));
  }
}
