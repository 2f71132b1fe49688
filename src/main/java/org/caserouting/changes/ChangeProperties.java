package org.caserouting.changes;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param updateEndpoints agencies that take a change through the gateway, each with the
 *     verification service (caserouting.verification.services) whose X-Road member it is; the
 *     update is a POST to that member's {@code change-notice} service. Other agencies get a task.
 * @param answerWithinDays working days an agency has to answer
 * @param graceDays working days after that before "no answer" is recorded
 */
@ConfigurationProperties("caserouting.changes")
public record ChangeProperties(
    Map<String, String> updateEndpoints,
    @DefaultValue("5") int answerWithinDays,
    @DefaultValue("3") int graceDays) {

  public ChangeProperties {
    updateEndpoints = updateEndpoints == null ? Map.of() : Map.copyOf(updateEndpoints);
  }

  boolean automatic(String agency) {
    return updateEndpoints.containsKey(agency);
  }
}
