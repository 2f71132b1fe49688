package org.caserouting.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The city's identity provider, for real, in the test JVM: Spring Authorization Server on a port
 * of its own, an OpenID Connect provider with discovery, keys, a sign-in form, tokens and
 * sign-out. Its staff and their group paths are given at start; their password is {@code demo}.
 * It signs with the key it is given, so a test can also mint tokens it would have issued.
 *
 * <p>It runs as a small application of its own, with only the parts it needs, beside the service
 * under test: nothing of the service's configuration reaches it.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class})
public class CityIdentityProvider {

  public static final String CLIENT_ID = "case-router";
  public static final String CLIENT_SECRET = "test-only-client-secret";
  public static final String PASSWORD = "demo";

  /** Who the provider knows, and their group paths (e.g. /case-router/do-daan-clerk). */
  private static volatile Map<String, List<String>> staff = Map.of();
  /** Where the service under test runs, to which the provider sends people back. */
  private static volatile String serviceBase = "http://127.0.0.1";

  private final ConfigurableApplicationContext context;

  private CityIdentityProvider(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Required by Spring to build the provider; tests use {@link #start}. */
  public CityIdentityProvider() {
    this.context = null;
  }

  public static CityIdentityProvider start(RSAKey signingKey, Map<String, List<String>> staffAndGroups) {
    staff = Map.copyOf(staffAndGroups);
    SIGNING_KEY[0] = signingKey;
    ConfigurableApplicationContext context = new SpringApplicationBuilder(CityIdentityProvider.class)
        .web(WebApplicationType.SERVLET)
        .properties("server.port=0", "spring.main.banner-mode=off", "spring.config.name=city-identity-provider",
            "spring.jmx.enabled=false")
        .run();
    return new CityIdentityProvider(context);
  }

  private static final RSAKey[] SIGNING_KEY = new RSAKey[1];

  /** The provider's issuer, as the service is configured with it. */
  public String issuer() {
    return "http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Tells the provider where the service under test answers, once its port is known. */
  public void serves(String base) {
    serviceBase = base;
  }

  public void stop() {
    context.close();
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
    return http.securityMatcher(server.getEndpointsMatcher())
        .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signInForm(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }

  @Bean
  UserDetailsService staff() {
    return new InMemoryUserDetailsManager(staff.keySet().stream()
        .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("STAFF").build()).toList());
  }

  /** The service's registration, sent back to wherever the service runs now. */
  @Bean
  RegisteredClientRepository clients() {
    return new RegisteredClientRepository() {
      private final String id = UUID.randomUUID().toString();

      @Override
      public void save(RegisteredClient registeredClient) {
        // The provider's one client is fixed: nothing of it is kept (the provider saves it back
        // after reading it, e.g. to re-encode its secret).
      }

      @Override
      public RegisteredClient findById(String wanted) {
        return id.equals(wanted) ? client() : null;
      }

      @Override
      public RegisteredClient findByClientId(String clientId) {
        return CLIENT_ID.equals(clientId) ? client() : null;
      }

      private RegisteredClient client() {
        return RegisteredClient.withId(id)
            .clientId(CLIENT_ID)
            .clientSecret("{noop}" + CLIENT_SECRET)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .redirectUri(serviceBase + "/login/oauth2/code/city")
            .postLogoutRedirectUri(serviceBase + "/camunda/app/tasklist/")
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
            .build();
      }
    };
  }

  @Bean
  JWKSource<SecurityContext> keys() {
    return new ImmutableJWKSet<>(new JWKSet(SIGNING_KEY[0]));
  }

  /** The user-info endpoint reads the access tokens the provider issued. */
  @Bean
  JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
  }

  @Bean
  AuthorizationServerSettings settings() {
    return AuthorizationServerSettings.builder().build();
  }

  /** The ID token carries the person's group paths, as the city's provider is configured to. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> groups() {
    return token -> {
      if (OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
        token.getClaims().claim("groups", staff.getOrDefault(token.getPrincipal().getName(), List.of()));
      }
    };
  }

  /** Sessions tracked, so that the ID token names its session and sign-out at the provider ends it. */
  @Bean
  SessionRegistry sessions() {
    return new SessionRegistryImpl();
  }

  @Bean
  HttpSessionEventPublisher sessionEvents() {
    return new HttpSessionEventPublisher();
  }
}
