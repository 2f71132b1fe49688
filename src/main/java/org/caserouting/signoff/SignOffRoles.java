package org.caserouting.signoff;

import java.util.Arrays;
import java.util.List;
import org.caserouting.platform.engine.models.ModelHelper;
import org.springframework.stereotype.Component;

/** Turns the decision table's "CHIEF,DIRECTOR" into the ordered list the sign-off loops over. */
@Component("signOffRoles")
@ModelHelper
public class SignOffRoles {

  @ModelHelper.Member
  public List<String> of(String signers) {
    List<String> roles = Arrays.stream(signers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("The delegation of authority names no signer");
    }
    return roles;
  }
}
