package org.caserouting.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Slows wrong passwords per source address, on every door that takes one (our API, the engine REST
 * API, the webapps' sign-in, the actuator). Accounts are never locked, and a wait is never put on
 * an account: both would refuse the right password too, so anyone could lock out the portal or an
 * administrator by failing on purpose. An address that keeps failing waits longer and longer
 * (doubling up to {@link SignInProperties#longestPause()}); every other address signs in at once.
 * Counted in memory per node, for a bounded number of addresses; time is the engine's clock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SignInThrottle extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  private final SignInProperties properties;
  private final ObjectMapper json;
  private final Map<String, Failures> byAddress;
  private final Clock clock;

  private record Failures(int count, Instant last, Instant waitUntil) {}

  SignInThrottle(SignInProperties properties, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.properties = properties;
    this.json = json;
    this.byAddress = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
        return size() > properties.rememberedAddresses();
      }
    };
  }

  /** Only requests that try a password: HTTP Basic, or the webapps' sign-in form. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean webappSignIn = "POST".equals(request.getMethod())
        && request.getRequestURI().matches(".*/camunda/api/admin/auth/user/[^/]+/login/[^/]*");
    return !basic && !webappSignIn;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Duration wait = waitFor(address, now());
    if (!wait.isZero()) {
      tooSoon(response, wait);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      failed(address, now());
    } else if (response.getStatus() < 400 || response.getStatus() == HttpStatus.FORBIDDEN.value()) {
      succeeded(address);
    }
  }

  private synchronized Duration waitFor(String address, Instant now) {
    Failures failures = byAddress.get(address);
    if (failures == null) {
      return Duration.ZERO;
    }
    if (failures.last().plus(properties.forgetAfter()).isBefore(now)) {
      byAddress.remove(address);
      return Duration.ZERO;
    }
    return failures.waitUntil().isAfter(now) ? Duration.between(now, failures.waitUntil()) : Duration.ZERO;
  }

  private synchronized void failed(String address, Instant now) {
    Failures before = byAddress.get(address);
    int count = before == null || before.last().plus(properties.forgetAfter()).isBefore(now) ? 1 : before.count() + 1;
    Duration pause = Duration.ZERO;
    if (count > properties.freeFailures()) {
      int doublings = Math.min(count - properties.freeFailures() - 1, 30);
      pause = properties.firstPause().multipliedBy(1L << doublings);
      if (pause.compareTo(properties.longestPause()) > 0) {
        pause = properties.longestPause();
      }
      log.warn("{} wrong passwords in a row from {}: it waits {} s before its next try", count, address, pause.toSeconds());
    }
    byAddress.put(address, new Failures(count, now, now.plus(pause)));
  }

  private synchronized void succeeded(String address) {
    byAddress.remove(address);
  }

  private void tooSoon(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "密碼錯誤次數過多，請於 " + seconds + " 秒後再試 Too many wrong passwords from your address; try again in "
            + seconds + " s. No account is locked.");
    body.setType(URI.create("/problems/too-many-failed-sign-ins"));
    body.setTitle("Too many failed sign-ins");
    json.writeValue(response.getOutputStream(), body);
  }

  private Instant now() {
    return clock.instant();
  }
}
