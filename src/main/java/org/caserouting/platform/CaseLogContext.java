package org.caserouting.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the application number in the logging context ({@value #APPLICATION_NO}), so every log line
 * of a case can be found by it: for requests about one application here, for a new application
 * once it has its number ({@link #of}), and in the engine by its business key
 * ({@code logging-context-business-key} in application.yaml).
 */
@Configuration(proxyBeanMethods = false)
public class CaseLogContext implements WebMvcConfigurer {

  /** The logging context key; also the engine's, and the path variable of our API. */
  public static final String APPLICATION_NO = "applicationNo";

  /** Names the application in the logging context until the request or the caller's scope ends. */
  public static MDC.MDCCloseable of(String applicationNo) {
    return MDC.putCloseable(APPLICATION_NO, applicationNo);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
            && variables.get(APPLICATION_NO) instanceof String applicationNo) {
          MDC.put(APPLICATION_NO, applicationNo);
        }
        return true;
      }

      @Override
      public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        MDC.remove(APPLICATION_NO);
      }
    });
  }
}
