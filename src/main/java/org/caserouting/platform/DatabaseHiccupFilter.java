package org.caserouting.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database hiccup (a dropped connection, a deadlock), wherever it happens (our controllers,
 * signing the caller in, the engine REST API), is answered 503 with Retry-After as problem+json,
 * not a 500, so clients know to send the request again: the transaction was rolled back whole.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseHiccupFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseHiccupFilter.class);

  private static final String ADVICE = "The database was unavailable for a moment; nothing was changed."
      + " Send the same request again (with the same Idempotency-Key, if it had one).";

  private final ObjectMapper json;

  DatabaseHiccupFilter(ObjectMapper json) {
    this.json = json;
  }

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
      ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ADVICE);
      body.setType(URI.create("/problems/try-again"));
      body.setTitle("Try again");
      json.writeValue(response.getOutputStream(), body);
    }
  }
}
