package org.caserouting.platform;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.caserouting.platform.engine.models.ModelHelper;
import org.springframework.stereotype.Component;

/**
 * Names the engine groups of an agency's people: {@code <agency>-clerk}, {@code <agency>-chief},
 * {@code <agency>-director}, agency code in lower case. Models use it as {@code agencyGroups} in
 * candidate-group expressions, e.g. {@code ${agencyGroups.clerks(receivingAgency)}}.
 */
@Component("agencyGroups")
@ModelHelper
public class AgencyGroups {

  public enum Role {
    CLERK("clerk", "承辦人", "Clerk"),
    CHIEF("chief", "科長", "Section chief"),
    DIRECTOR("director", "首長", "Director");

    private final String suffix;
    private final String nameZh;
    private final String nameEn;

    Role(String suffix, String nameZh, String nameEn) {
      this.suffix = suffix;
      this.nameZh = nameZh;
      this.nameEn = nameEn;
    }

    public String nameZh() {
      return nameZh;
    }

    public String nameEn() {
      return nameEn;
    }
  }

  /** A group's agency and role, read back from its id. */
  public record AgencyRole(String agencyCode, Role role) {}

  public static final String PROCESS_OWNER = "process-owner";

  /** Operators and their monitoring system: health details and metrics, nothing of any case. */
  public static final String OPERATIONS = "operations";

  /**
   * The city's research and evaluation office (研考會): reads the oversight figures of every agency,
   * and nothing of any case.
   */
  public static final String CITY_OVERSIGHT = "city-oversight";

  /** The city portal's client, which submits applications for citizens. */
  public static final String PORTAL = "portal";

  @ModelHelper.Member
  public String clerks(String agencyCode) {
    return groupId(agencyCode, Role.CLERK);
  }

  @ModelHelper.Member
  public String chiefs(String agencyCode) {
    return groupId(agencyCode, Role.CHIEF);
  }

  @ModelHelper.Member
  public String directors(String agencyCode) {
    return groupId(agencyCode, Role.DIRECTOR);
  }

  /** The group of a role named in a model or decision table, e.g. group("SOCIAL", "CHIEF"). */
  @ModelHelper.Member
  public String group(String agencyCode, String role) {
    return groupId(agencyCode, Role.valueOf(role));
  }

  public static String groupId(String agencyCode, Role role) {
    return agencyCode.toLowerCase(Locale.ROOT) + "-" + role.suffix;
  }

  public static Optional<AgencyRole> parse(String groupId) {
    for (Role role : Role.values()) {
      String suffix = "-" + role.suffix;
      if (groupId != null && groupId.endsWith(suffix) && groupId.length() > suffix.length()) {
        String agency = groupId.substring(0, groupId.length() - suffix.length()).toUpperCase(Locale.ROOT);
        return Optional.of(new AgencyRole(agency, role));
      }
    }
    return Optional.empty();
  }

  /**
   * The agency and role a task is offered to, read from its candidate group: the people who can
   * work it, whatever its variables say. A listener records an answer as this agency's.
   */
  public static AgencyRole offeredTo(DelegateTask task) {
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .map(AgencyGroups::parse)
        .flatMap(Optional::stream)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "Task " + task.getTaskDefinitionKey() + " of " + task.getProcessInstanceId() + " is offered to no agency group"));
  }
}
