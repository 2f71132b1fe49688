package org.caserouting.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone added to an agency group after startup gets their "My tasks" filter the first time they
 * sign in to Tasklist, before Tasklist asks for its filters. The sign-in form is read here and
 * handed on unchanged to the webapp's login resource.
 */
@Configuration(proxyBeanMethods = false)
class PersonalFilterAtSignIn {

  /** A sign-in form is a user name and a password; anything longer is passed on unread. */
  private static final int MAX_FORM = 4096;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> personalFilterAtTasklistSignIn(TaskFilters taskFilters) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/login/tasklist")
            || request.getContentLength() < 0 || request.getContentLength() > MAX_FORM) {
          chain.doFilter(request, response);
          return;
        }
        byte[] form = request.getInputStream().readAllBytes();
        userName(new String(form, StandardCharsets.UTF_8)).ifPresent(taskFilters::ensurePersonalFilter);
        chain.doFilter(new Replayed(request, form), response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("personal-filter-at-sign-in");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    return registration;
  }

  static Optional<String> userName(String form) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals("username")) {
        try {
          String name = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
          return name.isBlank() ? Optional.empty() : Optional.of(name);
        } catch (IllegalArgumentException malformed) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The request with its body read once more from memory. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        /** The whole body is in memory: it is available at once, and then all read. */
        @Override
        public void setReadListener(ReadListener listener) {
          try {
            listener.onDataAvailable();
            listener.onAllDataRead();
          } catch (IOException e) {
            listener.onError(e);
          }
        }
      };
    }
  }
}
