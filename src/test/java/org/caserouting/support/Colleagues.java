package org.caserouting.support;

import org.camunda.bpm.engine.IdentityService;

/** People the demo does not seed, for a test that needs one: password demo, in these groups. */
public final class Colleagues {

  private Colleagues() {}

  public static void ensure(IdentityService identity, String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword("demo");
      identity.saveUser(user);
      for (String group : groups) {
        identity.createMembership(id, group);
      }
    }
  }
}
