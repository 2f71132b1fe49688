package org.caserouting.tracking;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * How often one client may look up applications: enough for a person checking their own cases,
 * too few to sweep numbers. The client is its address as the configured proxy reports it
 * (server.tomcat.remoteip); a client cannot pick its own. Limits are kept for a bounded number of
 * addresses, the least recently seen forgotten first. Guessing one number's ID suffix from many
 * addresses is stopped per number, in the database ({@link LookupGuard}).
 */
@Component
@EnableConfigurationProperties(LookupLimits.Properties.class)
public class LookupLimits {

  /**
   * @param lookupsPerPeriod look-ups one address may make in each period
   * @param rememberedClients how many addresses are limited at once
   */
  @ConfigurationProperties("caserouting.tracking")
  public record Properties(
      @DefaultValue("10") int lookupsPerPeriod,
      @DefaultValue("PT1M") Duration period,
      @DefaultValue("10000") int rememberedClients) {}

  private final RateLimiterConfig config;
  private final Map<String, RateLimiter> byClient;

  LookupLimits(Properties properties) {
    this.config = RateLimiterConfig.custom()
        .limitForPeriod(properties.lookupsPerPeriod())
        .limitRefreshPeriod(properties.period())
        .timeoutDuration(Duration.ZERO)
        .build();
    this.byClient = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
        return size() > properties.rememberedClients();
      }
    };
  }

  /** Whether the client (its address) may look up once more now. */
  public boolean allow(String client) {
    RateLimiter limiter;
    synchronized (byClient) {
      limiter = byClient.computeIfAbsent(client, address -> RateLimiter.of("lookup-" + address, config));
    }
    return limiter.acquirePermission();
  }

  int rememberedClients() {
    synchronized (byClient) {
      return byClient.size();
    }
  }
}
