package org.caserouting.cases;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read a case through our API: the city portal (it answers for its citizens), and agency
 * staff whose agency the case has reached, which is exactly who the engine lets read the case's
 * process instance (see AgencyAuthorizationProvider). One rule for Tasklist, the engine REST API
 * and our API.
 */
@Component
public class CaseAccess {

  private final ApplicationRepository applications;
  private final AuthorizationService authorizations;

  CaseAccess(ApplicationRepository applications, AuthorizationService authorizations) {
    this.applications = applications;
    this.authorizations = authorizations;
  }

  /** Answers 404 for an unknown number and 403 for a case the caller's agency has no part in. */
  public void requireReadable(String applicationNo, Authentication authentication) {
    Application application =
        applications.findByApplicationNo(applicationNo)
            .orElseThrow(() -> new ApplicationNotFound(applicationNo));
    Caller caller = Caller.of(authentication);
    if (!mayRead(caller, application)) {
      throw new NotYourCase(caller.userId(), applicationNo);
    }
  }

  boolean mayRead(Caller caller, Application application) {
    if (caller.groups().contains(AgencyGroups.PORTAL)) {
      return true;
    }
    for (Role role : Role.values()) {
      if (caller.groups().contains(AgencyGroups.groupId(application.getReceivingAgency(), role))) {
        return true;
      }
    }
    String instance = application.getProcessInstanceId();
    List<String> groups = List.copyOf(caller.groups());
    return instance != null
        && (authorizations.isUserAuthorized(caller.userId(), groups, Permissions.READ, Resources.PROCESS_INSTANCE, instance)
            || authorizations.isUserAuthorized(caller.userId(), groups, HistoricProcessInstancePermissions.READ,
                Resources.HISTORIC_PROCESS_INSTANCE, instance));
  }

  static final class NotYourCase extends ApiProblem {
    NotYourCase(String user, String applicationNo) {
      super(HttpStatus.FORBIDDEN, "not-your-case", "Not a case of your agency",
          "User '" + user + "' may not read application " + applicationNo
              + ": it has not reached the user's agency.",
          java.util.Map.of());
    }
  }
}
