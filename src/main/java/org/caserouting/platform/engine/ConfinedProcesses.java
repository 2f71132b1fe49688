package org.caserouting.platform.engine;

import java.util.Set;

/**
 * Processes that carry one question to another agency, such as a contact slip (聯繫單): a task of
 * theirs gives the agency it is offered to its own process instance only, never the case it
 * serves, so that agency sees the question and the identifying data it was given, and nothing
 * else of the case.
 */
public final class ConfinedProcesses {

  public static final String CONTACT_SLIP = "contact-slip";

  static final Set<String> KEYS = Set.of(CONTACT_SLIP);

  /** Whether a process of this key is confined to the question it is given. */
  public static boolean confines(String processKey) {
    return KEYS.contains(processKey);
  }

  private ConfinedProcesses() {}
}
