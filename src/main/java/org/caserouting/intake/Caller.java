package org.caserouting.intake;

import java.util.Set;
import org.caserouting.identity.AgencyGroups;

/** Who submits: the city portal for citizens, or a clerk at the counter of the receiving agency. */
public record Caller(String userId, Set<String> groups) {

  /** Submissions made by the service itself (the demo's sample applications). */
  public static final Caller SYSTEM = new Caller("system", Set.of(AgencyGroups.PORTAL));

  public boolean maySubmitTo(String receivingAgency) {
    return groups.contains(AgencyGroups.PORTAL)
        || groups.contains(AgencyGroups.groupId(receivingAgency, AgencyGroups.Role.CLERK));
  }
}
