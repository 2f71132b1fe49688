package org.caserouting.platform.engine.task;

import java.util.Optional;
import java.util.Set;

/**
 * Who acts now for an absent colleague (職務代理), as the agencies' record of deputies says: the
 * engine offers an absent person's work to their deputy, and the sign-off records whom a deputy
 * signed for. The record implements this, so the engine plug-in does not depend on our tables.
 */
public interface ActingDeputies {

  /** The deputies acting now for an absent member of this group, to whom the group's tasks are offered too. */
  Set<String> actingIn(String group);

  /** The person acting now for this one, if they are away. */
  Optional<String> deputyOf(String userId);

  /** Whom this person acts for now in this group, if they are someone's deputy in it. */
  Optional<String> actingFor(String deputy, String group);
}
