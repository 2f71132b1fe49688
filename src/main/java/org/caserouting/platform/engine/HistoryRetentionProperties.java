package org.caserouting.platform.engine;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine keeps a finished case's history.
 *
 * @param historyTimeToLive how long history is kept after a case ends, in whole days
 * @param processes a different period for some process or decision keys
 */
@ConfigurationProperties("caserouting.retention")
public record HistoryRetentionProperties(@DefaultValue("P1825D") Duration historyTimeToLive, Map<String, Duration> processes) {

  public int daysFor(String key) {
    Duration period = processes == null ? null : processes.get(key);
    return Math.toIntExact((period == null ? historyTimeToLive : period).toDays());
  }
}
