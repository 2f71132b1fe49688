package org.caserouting.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Profile {@code oidc}: staff sign in to Tasklist, Cockpit and Admin, and so to our staff pages,
 * through the city's identity provider (OpenID Connect, authorization code flow), with the groups
 * its claims give them exactly as for a bearer token on our API ({@link OidcSecurity#groups}). The
 * webapps' own password form goes unused: every webapp request needs a session signed in at the
 * provider, and the webapps take that person from it (Camunda's container-based authentication),
 * with their authorizations applied as for anyone. At sign-in the person gets their "My tasks"
 * filter, as at a password sign-in.
 *
 * <p>Sign-out: the webapps' own sign-out ends our session; {@code /logout} also ends the
 * provider's (RP-initiated logout) and comes back to Tasklist, which asks the provider again.
 *
 * <p>Camunda 7.24's Spring Boot security starter does this too, but it is not published where our
 * dependencies come from, and it maps groups its own way; this is the same parts of Spring
 * Security, configured once.
 */
@Configuration(proxyBeanMethods = false)
@Profile(OidcSecurity.PROFILE)
class OidcWebappSignIn {

  /** The registration id of the city's provider under spring.security.oauth2.client.registration. */
  static final String REGISTRATION = "city";

  @Bean
  @Order(4)
  SecurityFilterChain webappSignInFilterChain(HttpSecurity http, OidcSecurity.OidcProperties oidc,
      ClientRegistrationRepository registrations, TaskFilters taskFilters) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher webappApi = paths.matcher("/camunda/api/**");
    RequestMatcher webappSignOut = paths.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
    RequestMatcher signOut = paths.matcher(HttpMethod.GET, "/logout");

    OidcClientInitiatedLogoutSuccessHandler atTheProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    atTheProvider.setPostLogoutRedirectUri("{baseUrl}/camunda/app/tasklist/");
    LinkedHashMap<RequestMatcher, LogoutSuccessHandler> afterSignOut = new LinkedHashMap<>();
    afterSignOut.put(webappSignOut, new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
    DelegatingLogoutSuccessHandler signedOut = new DelegatingLogoutSuccessHandler(afterSignOut);
    signedOut.setDefaultLogoutSuccessHandler(atTheProvider);

    SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
    toWhereTheyWere.setDefaultTargetUrl("/camunda/app/tasklist/");

    return http
        .securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/oauth2/authorization/**"),
            paths.matcher("/login/oauth2/code/**"), signOut))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2Login(login -> login
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new AgencyGroupsUserService(oidc)))
            .successHandler((request, response, authentication) -> {
              taskFilters.ensurePersonalFilter(authentication.getName(), groupsOf(authentication.getAuthorities()));
              toWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
            }))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(webappSignOut, signOut))
            .logoutSuccessHandler(signedOut))
        .exceptionHandling(errors -> errors
            // The webapps' own calls get 401 and show it; a page goes to the provider's sign-in.
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
            .defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION), request -> true))
        // The webapps check their own CSRF token on their API and send their own security headers.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .build();
  }

  /** The webapps take the person signed in at the provider, with their groups, from Spring Security. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("webapp-sign-in-from-the-provider");
    registration.addInitParameter("authentication-provider", OidcSecurity.SignedInByToken.class.getName());
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    // After Spring Security's chain, which has signed the person in.
    registration.setOrder(0);
    return registration;
  }

  private static Set<String> groupsOf(java.util.Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
  }

  /** The provider's ID token and user info, read into our user id and Camunda groups. */
  static final class AgencyGroupsUserService extends OidcUserService {

    private final OidcSecurity.OidcProperties oidc;

    AgencyGroupsUserService(OidcSecurity.OidcProperties oidc) {
      this.oidc = oidc;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
      OidcUser signedIn = super.loadUser(request);
      Object user = signedIn.getClaims().get(oidc.userClaim());
      if (!(user instanceof String id) || id.isBlank()) {
        throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user",
            "The provider names no user in its " + oidc.userClaim() + " claim", null));
      }
      List<GrantedAuthority> groups = OidcSecurity.groups(signedIn.getClaims(), oidc).stream()
          .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
      return new DefaultOidcUser(groups, signedIn.getIdToken(), signedIn.getUserInfo(), oidc.userClaim());
    }
  }
}
