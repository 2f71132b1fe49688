package org.caserouting.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's first-run setup can create an administrator when camunda-admin has no direct
 * member (CVE-2026-77226). Administrators here are seeded (demo) or configured (production), so
 * the setup endpoint answers 403 whatever the state.
 */
@Configuration(proxyBeanMethods = false)
class AdminSetupBlock {

  static final String SETUP_PATH = "/camunda/api/admin/setup/";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> adminSetupBlockFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws IOException, ServletException {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"The first-run setup is disabled; administrators are configured.\"}");
              }
            });
    registration.setName("admin-setup-block");
    registration.addUrlPatterns(SETUP_PATH + "*");
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }
}
