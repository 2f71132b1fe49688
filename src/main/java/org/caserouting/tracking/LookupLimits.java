package org.caserouting.tracking;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * How often one client may look up applications by number and ID suffix: enough for a person
 * checking their own cases, far too few to guess numbers and suffixes.
 */
@Component
@EnableConfigurationProperties(LookupLimits.Properties.class)
public class LookupLimits {

  @ConfigurationProperties("caserouting.tracking")
  public record Properties(@DefaultValue("10") int lookupsPerPeriod, @DefaultValue("PT1M") Duration period) {}

  private final RateLimiterRegistry limiters;

  LookupLimits(Properties properties) {
    this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
        .limitForPeriod(properties.lookupsPerPeriod())
        .limitRefreshPeriod(properties.period())
        .timeoutDuration(Duration.ZERO)
        .build());
  }

  /** Whether the client (its address) may look up once more now. */
  public boolean allow(String client) {
    RateLimiter limiter = limiters.rateLimiter("lookup-" + client);
    return limiter.acquirePermission();
  }
}
