package org.caserouting.platform;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A domain failure that the API reports as RFC 9457 problem details. Subclasses name the
 * situation; {@link ProblemDetailsAdvice} turns them into responses in one place.
 */
public abstract class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;
  private final Map<String, Object> properties;

  protected ApiProblem(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.properties = Map.copyOf(properties);
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return URI.create("/problems/" + type);
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  /** How long the client should wait before asking again (a Retry-After header), if at all. */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.empty();
  }
}
