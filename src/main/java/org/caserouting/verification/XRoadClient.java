package org.caserouting.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.caserouting.platform.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Calls an agency's service by the X-Road REST message protocol:
 * GET {base}/r1/{instance}/{memberClass}/{memberCode}/{subsystem}/{service}/{subjectId}?fields=...
 * with X-Road-Client, X-Road-Id, X-Road-UserId and X-Road-Issue headers. Each agency has its own
 * circuit breaker, so a dead agency answers at once instead of holding a job executor thread.
 */
@Component
public class XRoadClient {

  /** What went over the wire and back. {@code body} is null unless the agency answered 200 with JSON. */
  public record Exchange(int status, JsonNode body, long durationMs, String requestSha256, String responseSha256) {}

  private final VerificationProperties properties;
  private final ApplicationContext context;
  private final RestClient http;
  private final CircuitBreakerRegistry breakers;
  private final ObjectMapper json = new ObjectMapper();

  private final boolean simulatorEnabled;
  private final String simulatorUrl;

  XRoadClient(
      VerificationProperties properties,
      ApplicationContext context,
      @Value("${caserouting.simulator.enabled:false}") boolean simulatorEnabled,
      @Value("${caserouting.simulator.url:}") String simulatorUrl) {
    this.properties = properties;
    this.context = context;
    this.simulatorEnabled = simulatorEnabled;
    this.simulatorUrl = simulatorUrl;
    HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(properties.readTimeout());
    this.http = RestClient.builder().requestFactory(factory).build();
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .minimumNumberOfCalls(4)
                .slidingWindowSize(10)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordExceptions(AgencyUnavailableException.class)
                .build());
  }

  public Exchange get(String service, String subjectId, String fields, String xroadId, String userId, String issue) {
    VerificationProperties.Endpoint endpoint = properties.endpoint(service);
    String url = url(endpoint, endpoint.serviceCode(), subjectId).queryParam("fields", fields).encode().toUriString();
    String requestSha =
        Sha256.ofFields("x-road-request/v1", "GET", url, properties.client(), xroadId, userId, issue);
    return guarded(service, () -> call(HttpMethod.GET, url, null, xroadId, userId, issue, requestSha));
  }

  /**
   * A POST to another service of the same agency member (e.g. {@code change-notice}), with a JSON
   * body, under the same headers, circuit breaker and failure rules as {@link #get}.
   */
  public Exchange post(String service, String serviceCode, String subjectId, String jsonBody, String xroadId, String userId,
      String issue) {
    VerificationProperties.Endpoint endpoint = properties.endpoint(service);
    String url = url(endpoint, serviceCode, subjectId).encode().toUriString();
    String requestSha =
        Sha256.ofFields("x-road-request/v1", "POST", url, properties.client(), xroadId, userId, issue, jsonBody);
    return guarded(service, () -> call(HttpMethod.POST, url, jsonBody, xroadId, userId, issue, requestSha));
  }

  private UriComponentsBuilder url(VerificationProperties.Endpoint endpoint, String serviceCode, String subjectId) {
    return UriComponentsBuilder.fromUriString(baseUrl(endpoint))
        .pathSegment("r1", properties.instance(), endpoint.memberClass(), endpoint.memberCode(),
            endpoint.subsystem(), serviceCode, subjectId);
  }

  private Exchange guarded(String service, Supplier<Exchange> exchange) {
    CircuitBreaker breaker = breakers.circuitBreaker(service);
    try {
      return breaker.executeSupplier(exchange);
    } catch (CallNotPermittedException open) {
      throw new AgencyUnavailableException("The " + service + " service is not answering; its circuit is open", open);
    }
  }

  /** Closes every circuit: the agencies are to be tried again now (after an outage, and in tests). */
  public void resetCircuits() {
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
  }

  private Exchange call(HttpMethod method, String url, String requestBody, String xroadId, String userId, String issue,
      String requestSha) {
    try {
      return exchange(method, url, requestBody, xroadId, userId, issue, requestSha);
    } catch (ResourceAccessException io) {
      if (method != HttpMethod.GET || !closedBeforeAnswering(io)) {
        throw new AgencyUnavailableException("The agency could not be reached: " + io.getMessage(), io);
      }
    }
    // A kept-alive connection that the agency's server had already closed fails before any answer:
    // that is not the agency failing. A query may be asked again (the same X-Road-Id), once, at once.
    try {
      return exchange(method, url, requestBody, xroadId, userId, issue, requestSha);
    } catch (ResourceAccessException io) {
      throw new AgencyUnavailableException("The agency could not be reached: " + io.getMessage(), io);
    }
  }

  /** The connection broke before an answer; not a timeout (the agency is slow) nor a refusal (it is down). */
  private static boolean closedBeforeAnswering(ResourceAccessException io) {
    Throwable cause = io.getCause();
    return cause instanceof IOException && !(cause instanceof HttpTimeoutException) && !(cause instanceof ConnectException);
  }

  private Exchange exchange(HttpMethod method, String url, String requestBody, String xroadId, String userId,
      String issue, String requestSha) {
    long start = System.nanoTime();
    RestClient.RequestBodySpec spec = http.method(method).uri(url);
    if (requestBody != null) {
      spec.contentType(MediaType.APPLICATION_JSON).body(requestBody);
    }
    return spec
        .header("X-Road-Client", properties.client())
        .header("X-Road-Id", xroadId)
        .header("X-Road-UserId", userId)
        .header("X-Road-Issue", issue)
        .exchange(
            (request, response) -> {
              byte[] bytes = response.getBody().readAllBytes();
              long millis = (System.nanoTime() - start) / 1_000_000;
              HttpStatusCode status = response.getStatusCode();
              String responseSha = Sha256.of(bytes);
              if (status.value() == 404) {
                return new Exchange(404, null, millis, requestSha, responseSha);
              }
              if (!status.is2xxSuccessful()) {
                throw new AgencyUnavailableException("The agency answered " + status.value(), null);
              }
              try {
                JsonNode body = json.readTree(new String(bytes, StandardCharsets.UTF_8));
                if (body == null || !body.isObject()) {
                  throw new AgencyUnavailableException("The agency's answer is not a JSON object", null);
                }
                return new Exchange(status.value(), body, millis, requestSha, responseSha);
              } catch (IOException malformed) {
                throw new AgencyUnavailableException("The agency's answer is not JSON", malformed);
              }
            });
  }

  private String baseUrl(VerificationProperties.Endpoint endpoint) {
    if (endpoint.baseUrl() != null && !endpoint.baseUrl().isBlank()) {
      return endpoint.baseUrl();
    }
    if (!simulatorUrl.isBlank()) {
      // The simulator running as a service of its own (AgencySimulatorApplication).
      return simulatorUrl;
    }
    if (!simulatorEnabled) {
      // A configuration error, not an agency's answer: an incident for the operators.
      throw new IllegalStateException("No base URL is configured for " + endpoint.serviceCode() + " and the simulator is off");
    }
    int port =
        context instanceof WebServerApplicationContext web && web.getWebServer() != null
            ? web.getWebServer().getPort()
            : 8080;
    return "http://localhost:" + port + "/simulator";
  }
}
