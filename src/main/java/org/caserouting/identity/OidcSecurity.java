package org.caserouting.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
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
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Profile {@code oidc}: our API and the engine REST API take OpenID Connect bearer tokens from the
 * city's identity provider instead of passwords. The token's signature, issuer and expiry are
 * checked by Spring Security's resource server against the provider's keys
 * ({@code spring.security.oauth2.resourceserver.jwt.*}). The user is an immutable claim of the
 * token ({@code sub}), never a name its holder can change. The Camunda groups ({@code do-daan-clerk},
 * {@code portal}, ...) are the token's group paths under one configured parent, or the client's
 * roles; administration comes only from one role named in configuration, never from a group, which
 * an agency's own administrator at the provider might create. The engine's authorizations then
 * apply to a token exactly as to a password login.
 */
@Configuration(proxyBeanMethods = false)
@Profile(OidcSecurity.PROFILE)
@EnableConfigurationProperties(OidcSecurity.OidcProperties.class)
class OidcSecurity {

  static final String PROFILE = "oidc";

  /**
   * @param userClaim the claim naming the user: one its holder cannot change
   * @param groupsClaim the claim listing the user's group paths
   * @param groupParent only groups directly under this path count, e.g. /case-router/do-daan-clerk
   * @param clientId whose client roles count as groups too ({@code resource_access.<client>.roles})
   * @param adminRole the realm or client role that makes its holder an administrator (camunda-admin)
   */
  @ConfigurationProperties("caserouting.oidc")
  record OidcProperties(
      @DefaultValue("sub") String userClaim,
      @DefaultValue("groups") String groupsClaim,
      @DefaultValue("/case-router") String groupParent,
      @DefaultValue("case-router") String clientId,
      @DefaultValue("case-router-admin") String adminRole) {}

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
        .headers(ApiSecurity::jsonHeaders)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(ApiSecurity.unauthorized("Bearer")))
        .build();
  }

  static JwtAuthenticationToken authentication(Jwt token, OidcProperties oidc) {
    String user = token.getClaimAsString(oidc.userClaim());
    if (user == null || user.isBlank()) {
      throw new InvalidBearerTokenException("The token names no user in its " + oidc.userClaim() + " claim");
    }
    List<GrantedAuthority> authorities =
        groups(token.getClaims(), oidc).stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    return new JwtAuthenticationToken(token, authorities, user);
  }

  /**
   * The Camunda groups the provider's claims give a person, the same for a bearer token and for a
   * sign-in to the webapps: group paths directly under the parent, the client's roles, and
   * administration from the admin role alone.
   */
  static Set<String> groups(Map<String, Object> claims, OidcProperties oidc) {
    Set<String> groups = new LinkedHashSet<>();
    String parent = oidc.groupParent().endsWith("/") ? oidc.groupParent() : oidc.groupParent() + "/";
    for (String path : strings(claims.get(oidc.groupsClaim()))) {
      // Full paths under the parent only: a bare name or another branch could be anyone's group.
      if (path.startsWith(parent) && path.length() > parent.length() && path.indexOf('/', parent.length()) < 0) {
        groups.add(path.substring(parent.length()));
      }
    }
    List<String> clientRoles = strings(nested(claims.get("resource_access"), oidc.clientId(), "roles"));
    groups.addAll(clientRoles);
    // Administration only from the one role named for it, never from a group or role of that name.
    groups.remove(Groups.CAMUNDA_ADMIN);
    groups.remove(oidc.adminRole());
    List<String> realmRoles = strings(nested(claims.get("realm_access"), "roles"));
    if (realmRoles.contains(oidc.adminRole()) || clientRoles.contains(oidc.adminRole())) {
      groups.add(Groups.CAMUNDA_ADMIN);
    }
    return groups;
  }

  /** The value at this path of nested claims (JSON objects), or null. */
  private static Object nested(Object claim, String... path) {
    Object value = claim;
    for (String name : path) {
      value = value instanceof Map<?, ?> map ? map.get(name) : null;
    }
    return value;
  }

  private static List<String> strings(Object claim) {
    if (!(claim instanceof Collection<?> values)) {
      return List.of();
    }
    return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
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
