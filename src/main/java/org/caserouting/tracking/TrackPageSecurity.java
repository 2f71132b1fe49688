package org.caserouting.tracking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The applicant's pages are open to anyone (a look-up needs the number and ID suffix, or the
 * applicant's own link) and send the headers the API sends: a content security policy that runs
 * no script and frames nothing, no framing of the pages themselves, HSTS once behind HTTPS, and no
 * Referer, so the private tracking link never leaves in one.
 */
@Configuration(proxyBeanMethods = false)
class TrackPageSecurity {

  /** The pages load only their own style sheet and the QR code inline; no script at all. */
  static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  @Bean
  @Order(2)
  SecurityFilterChain trackFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/track", "/track/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // Nothing here acts for a signed-in person: there is no session to forge a request with.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }
}
