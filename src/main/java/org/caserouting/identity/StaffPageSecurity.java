package org.caserouting.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff pages (/cases/..., /staff/...) take the sign-in of Tasklist itself: the person signed in to the
 * Camunda webapps, with the groups the engine gave that session. No second password, no session of
 * our own; without a Tasklist session the page sends the browser to Tasklist's sign-in.
 */
@Configuration(proxyBeanMethods = false)
class StaffPageSecurity {

  /** The pages load their style sheet and the case's own images; no script at all. */
  static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** The oversight page draws its charts with scripts from this server only (Chart.js, our own), none inline. */
  static final String CHART_POLICY = POLICY + "; script-src 'self'";

  private static final RequestMatcher CHART_PAGES = PathPatternRequestMatcher.withDefaults().matcher("/staff/reports");

  @Bean
  @Order(3)
  SecurityFilterChain staffPageFilterChain(HttpSecurity http, ProcessEngine engine) throws Exception {
    return http.securityMatcher("/cases/**", "/staff/**")
        .addFilterBefore(new TasklistSession(engine.getName()), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(handling -> handling.authenticationEntryPoint(
            (request, response, refused) -> response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/")))
        // Only pages to read; the webapps' own session is not ours to write to.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(CHART_PAGES), new StaticHeadersWriter("Content-Security-Policy", POLICY)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                CHART_PAGES, new StaticHeadersWriter("Content-Security-Policy", CHART_POLICY)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }

  /** The Tasklist session's person, with their groups, as the request's authentication. */
  static final class TasklistSession extends OncePerRequestFilter {

    private final String engineName;

    TasklistSession(String engineName) {
      this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      Authentication person = signedIn == null ? null : signedIn.getAuthenticationForProcessEngine(engineName);
      if (person instanceof UserAuthentication user) {
        List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
            : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
        SecurityContextHolder.setContext(context);
      }
      chain.doFilter(request, response);
    }
  }
}
