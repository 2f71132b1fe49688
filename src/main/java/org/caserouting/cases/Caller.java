package org.caserouting.cases;

import java.util.Set;
import java.util.stream.Collectors;
import org.caserouting.platform.AgencyGroups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who submits: the city portal for citizens, or a clerk at the counter of the receiving agency. */
public record Caller(String userId, Set<String> groups) {

  /** Submissions made by the service itself (the demo's sample applications). */
  public static final Caller SYSTEM = new Caller("system", Set.of(AgencyGroups.PORTAL));

  /** The signed-in caller of our API; its authorities are its engine groups. */
  public static Caller of(Authentication authentication) {
    return new Caller(
        authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
  }

  /** The agencies in which the caller holds one of these roles. */
  public Set<String> agenciesAs(AgencyGroups.Role... roles) {
    Set<AgencyGroups.Role> wanted = Set.of(roles);
    return groups.stream()
        .map(AgencyGroups::parse)
        .flatMap(java.util.Optional::stream)
        .filter(agencyRole -> wanted.contains(agencyRole.role()))
        .map(AgencyGroups.AgencyRole::agencyCode)
        .collect(Collectors.toSet());
  }

  public boolean isAdministrator() {
    return groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
  }

  public boolean maySubmitTo(String receivingAgency) {
    return groups.contains(AgencyGroups.PORTAL)
        || groups.contains(AgencyGroups.groupId(receivingAgency, AgencyGroups.Role.CLERK));
  }
}
