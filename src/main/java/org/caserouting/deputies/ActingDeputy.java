package org.caserouting.deputies;

import java.time.Instant;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.AgencyGroups.Role;

/**
 * One acting deputy (職務代理): while {@code absentUser} is away, {@code deputyUser} does their work
 * in {@code role} at {@code agency}, from {@code startsAt} until {@code endsAt}, or until someone ends
 * the period early.
 *
 * @param handedOver whether the absent person's open tasks were handed to the deputy
 * @param released whether they were taken back from the deputy when the period ended
 */
public record ActingDeputy(
    long id,
    String agency,
    Role role,
    String absentUser,
    String deputyUser,
    Instant startsAt,
    Instant endsAt,
    String reason,
    String namedBy,
    Instant namedAt,
    String endedBy,
    Instant endedAt,
    boolean handedOver,
    boolean released) {

  /** The engine group the absent person works in, whose tasks the deputy is offered. */
  public String group() {
    return AgencyGroups.groupId(agency, role);
  }

  /** When the period ends: as planned, or earlier if someone ended it. */
  public Instant until() {
    return endedAt != null && endedAt.isBefore(endsAt) ? endedAt : endsAt;
  }

  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(until());
  }

  /** Whether the two periods share a moment. */
  boolean overlaps(Instant from, Instant to) {
    return from.isBefore(until()) && startsAt.isBefore(to);
  }
}
