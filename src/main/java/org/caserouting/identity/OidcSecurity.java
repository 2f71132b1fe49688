package org.caserouting.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Profile {@code oidc}: our API and the engine REST API take OpenID Connect bearer tokens from the
 * city's identity provider instead of passwords. The token's signature, issuer and expiry are
 * checked by Spring Security's resource server against the provider's keys
 * ({@code spring.security.oauth2.resourceserver.jwt.*}); the user is a claim of the token, and
 * the token's group claim names the Camunda groups ({@code do-daan-clerk}, {@code portal}, ...),
 * so the engine's authorizations apply to a token exactly as to a password login.
 */
@Configuration(proxyBeanMethods = false)
@Profile(OidcSecurity.PROFILE)
@EnableConfigurationProperties(OidcSecurity.OidcProperties.class)
class OidcSecurity {

  static final String PROFILE = "oidc";

  /** Which claims name the user and their groups. */
  @ConfigurationProperties("caserouting.oidc")
  record OidcProperties(@DefaultValue("preferred_username") String userClaim, @DefaultValue("groups") String groupsClaim) {}

  @Bean
  SecurityFilterChain bearerTokenFilterChain(HttpSecurity http, OidcProperties oidc) throws Exception {
    // Path patterns, not MVC ones: the engine REST API is its own servlet, outside Spring MVC.
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/receipts/verify").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/applications/*/timeline").permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> authentication(token, oidc)))
            .authenticationEntryPoint(ApiSecurity.unauthorized("Bearer")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(ApiSecurity.unauthorized("Bearer")))
        .build();
  }

  static JwtAuthenticationToken authentication(Jwt token, OidcProperties oidc) {
    List<GrantedAuthority> groups = new ArrayList<>();
    Object claim = token.getClaims().get(oidc.groupsClaim());
    if (claim instanceof Collection<?> names) {
      for (Object name : names) {
        // Some providers give group paths ("/do-daan-clerk"); the group is the last part.
        String group = name.toString().substring(name.toString().lastIndexOf('/') + 1);
        if (!group.isBlank()) {
          groups.add(new SimpleGrantedAuthority(group));
        }
      }
    }
    String user = token.getClaimAsString(oidc.userClaim());
    return new JwtAuthenticationToken(token, groups, user == null ? token.getSubject() : user);
  }

  /** The engine REST API runs as the token's user and groups, checked by the chain above. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    return EngineRestAuthentication.filter(SignedInByToken.class);
  }

  /** Hands the engine the user and groups Spring Security read from the token. */
  public static class SignedInByToken implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(jakarta.servlet.http.HttpServletRequest request, ProcessEngine engine) {
      Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
      if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
        return AuthenticationResult.unsuccessful();
      }
      AuthenticationResult result = AuthenticationResult.successful(signedIn.getName());
      result.setGroups(signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
      return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(jakarta.servlet.http.HttpServletResponse response, ProcessEngine engine) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
  }
}
