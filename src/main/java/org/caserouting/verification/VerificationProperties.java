package org.caserouting.verification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the agencies' X-Road services are and who we are to them.
 *
 * @param enabled query agencies at all; when off, cases go straight to the clerks
 * @param instance the X-Road instance, e.g. TW
 * @param client our subsystem as X-Road-Client, e.g. TW/GOV/TPE-DOIT/case-router
 * @param connectTimeout and readTimeout: shorter than the job executor's lock time
 * @param retryCycle how a failed call is retried before the clerk verifies by hand (ISO 8601)
 * @param services by service name (HOUSEHOLD, LAND, TAX, BUSINESS, WELFARE)
 */
@ConfigurationProperties("caserouting.verification")
public record VerificationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("TW") String instance,
    @DefaultValue("TW/GOV/TPE-DOIT/case-router") String client,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("R3/PT1M") String retryCycle,
    Map<String, Endpoint> services) {

  /**
   * @param baseUrl the security server's base URL; empty for the simulator bundled on this server
   * @param agency the agency that holds the data (a catalog code)
   */
  public record Endpoint(
      String baseUrl, String memberClass, String memberCode, String subsystem, String serviceCode, String agency) {}

  public Endpoint endpoint(String service) {
    Endpoint endpoint = services == null ? null : services.get(service);
    if (endpoint == null) {
      throw new IllegalArgumentException("No agency service '" + service + "' is configured");
    }
    return endpoint;
  }
}
