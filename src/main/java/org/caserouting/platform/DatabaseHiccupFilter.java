package org.caserouting.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database hiccup outside our controllers (signing the caller in, the engine REST API) is
 * answered as the controllers answer it ({@link ProblemDetailsAdvice}): 503 with Retry-After,
 * not a 500, so clients know to send the request again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseHiccupFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseHiccupFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseHiccup.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("{} {} failed on a database hiccup, client asked to retry: {}", request.getMethod(),
          request.getRequestURI(), DatabaseHiccup.describe(e));
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"type\":\"/problems/try-again\",\"title\":\"Try again\",\"status\":503,"
          + "\"detail\":\"" + DatabaseHiccup.ADVICE + "\"}");
    }
  }
}
