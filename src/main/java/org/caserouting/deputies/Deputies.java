package org.caserouting.deputies;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.caserouting.cases.Caller;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.identity.TaskFilters;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.AgencyGroups.AgencyRole;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.DateTimeInput;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.Refusal;
import org.caserouting.platform.engine.task.ActingDeputies;
import org.caserouting.deputies.DeputyProblems.DeputyNotAllowed;
import org.caserouting.deputies.DeputyProblems.InvalidDeputy;
import org.caserouting.deputies.DeputyProblems.NotYourStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acting deputies (職務代理). An agency's chief or director names who acts for an absent colleague,
 * and for how long. In that period the engine offers the colleague's group tasks to the deputy as
 * well (a candidate user), the tasks the colleague had in hand go to the deputy, the deputy gets the
 * colleague's list in Tasklist, and a signature the deputy makes in the colleague's role names
 * both. When the period ends, or is ended early, all of that is taken back: the offers and the
 * deputy's permissions on those tasks, the list, and the tasks handed over, which return to the
 * colleague (those the deputy took from the group's list go back to it).
 *
 * <p>Rules, each refused with the reason: nobody acts for themselves; the deputy is staff of the
 * same agency, at most one rank below the absent person (a clerk may act for a chief, only a chief
 * for a director); one deputy per person at a time; and no chains: a person away cannot act for
 * someone else in the same period, nor can a deputy be away then, so deputies never loop.
 *
 * <p>The engine asks who acts for whom at every new task; it reads a copy kept in memory, renewed
 * at every change and at every sweep, so a new task costs no statement.
 */
@Service
public class Deputies implements ActingDeputies {

  private static final Logger log = LoggerFactory.getLogger(Deputies.class);

  /** What a chief asks for: who is away, who acts for them, when, and why (e.g. 公假, 休假). */
  public record NameDeputy(String agency, String absentUserId, String deputyUserId, String from, String to,
      String reason) {}

  private final DeputyRecords records;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final TaskFilters filters;
  private final CaseEvents events;
  private final Clock clock;
  private final ZoneId zone;
  private volatile List<ActingDeputy> current;

  Deputies(DeputyRecords records, TaskService tasks, RuntimeService runtime, IdentityService identity,
      AuthorizationService authorizations, TaskFilters filters, CaseEvents events, Clock clock,
      CalendarProperties calendar) {
    this.records = records;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.events = events;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  @Override
  public Set<String> actingIn(String group) {
    Instant now = clock.instant();
    return current().stream().filter(d -> d.activeAt(now) && d.group().equals(group))
        .map(ActingDeputy::deputyUser).collect(Collectors.toSet());
  }

  @Override
  public Optional<String> deputyOf(String userId) {
    Instant now = clock.instant();
    return current().stream().filter(d -> d.activeAt(now) && d.absentUser().equals(userId))
        .map(ActingDeputy::deputyUser).findFirst();
  }

  @Override
  public Optional<String> actingFor(String deputy, String group) {
    Instant now = clock.instant();
    return current().stream().filter(d -> d.activeAt(now) && d.deputyUser().equals(deputy) && d.group().equals(group))
        .map(ActingDeputy::absentUser).findFirst();
  }

  /** Names a deputy; if the period has begun, hands the absent person's work over at once. */
  @Transactional
  public ActingDeputy name(NameDeputy request, Caller caller) {
    List<InvalidField> missing = new ArrayList<>();
    if (blank(request.absentUserId())) {
      missing.add(new InvalidField("absentUserId", "is required: who is away"));
    }
    if (blank(request.deputyUserId())) {
      missing.add(new InvalidField("deputyUserId", "is required: who acts for them"));
    }
    Instant from = instant(request.from(), "from", missing);
    Instant to = instant(request.to(), "to", missing);
    if (request.reason() != null && request.reason().length() > 200) {
      missing.add(new InvalidField("reason", "is longer than 200 characters"));
    }
    if (!missing.isEmpty()) {
      throw new InvalidDeputy(missing);
    }
    String absent = request.absentUserId().strip();
    String deputy = request.deputyUserId().strip();
    Instant now = clock.instant();
    AgencyRole absentRole = roleInSupervisedAgency(absent, request.agency(), caller);

    List<InvalidField> refused = new ArrayList<>();
    if (absent.equals(deputy)) {
      refused.add(new InvalidField("deputyUserId", "不能代理自己 A person cannot act for themselves"));
    }
    if (!to.isAfter(from)) {
      refused.add(new InvalidField("to", "須晚於開始時間 must be after the start of the period"));
    }
    if (!to.isAfter(now)) {
      refused.add(new InvalidField("to", "已過 is in the past"));
    }
    Optional<Role> deputyRank = highestRole(deputy, absentRole.agencyCode());
    if (deputyRank.isEmpty()) {
      refused.add(new InvalidField("deputyUserId",
          deputy + " 不是本機關人員 is not staff of " + absentRole.agencyCode()));
    } else if (deputyRank.get().ordinal() < absentRole.role().ordinal() - 1) {
      refused.add(new InvalidField("deputyUserId", "代理人職務須不低於被代理人一級 a deputy is at most one rank below the"
          + " person they act for: " + deputy + " is a " + deputyRank.get().nameEn() + ", " + absent + " a "
          + absentRole.role().nameEn()));
    }
    for (ActingDeputy other : records.involving(List.of(absent, deputy), now)) {
      if (!other.overlaps(from, to)) {
        continue;
      }
      String when = other.startsAt().atZone(zone).toLocalDate() + "–" + other.until().atZone(zone).toLocalDate();
      if (other.absentUser().equals(absent)) {
        refused.add(new InvalidField("absentUserId", absent + " 於 " + when + " 已有代理人 " + other.deputyUser()
            + " already has a deputy then"));
      } else if (other.deputyUser().equals(absent)) {
        refused.add(new InvalidField("absentUserId", absent + " 於 " + when + " 代理 " + other.absentUser()
            + "，不能同時請人代理 acts for " + other.absentUser() + " then, so cannot be away: deputies do not chain"));
      } else if (other.absentUser().equals(deputy)) {
        refused.add(new InvalidField("deputyUserId", deputy + " 於 " + when + " 不在，由 " + other.deputyUser()
            + " 代理 is away then, so cannot act for anyone: deputies do not chain"));
      }
    }
    if (!refused.isEmpty()) {
      throw new DeputyNotAllowed(refused);
    }
    long id = records.insert(absentRole.agencyCode(), absentRole.role(), absent, deputy, from, to,
        blank(request.reason()) ? null : request.reason().strip(), caller.userId(), now);
    refresh();
    ActingDeputy named = records.find(id).orElseThrow();
    if (named.activeAt(now)) {
      handOver(named);
    }
    return records.find(id).orElseThrow();
  }

  /** Ends a period early (the colleague is back); their work comes back to them at once. */
  @Transactional
  public ActingDeputy end(long id, Caller caller) {
    ActingDeputy period = records.find(id).orElseThrow(() -> new DeputyProblems.NoSuchDeputy(id));
    requireSupervisor(caller, period.agency(), period.role());
    records.end(id, caller.userId(), clock.instant());
    refresh();
    ActingDeputy ended = records.find(id).orElseThrow();
    if (ended.handedOver() && !ended.released()) {
      release(ended);
    } else if (!ended.released()) {
      records.markReleased(id);
    }
    refresh();
    return records.find(id).orElseThrow();
  }

  /** The agency's periods not over a week ago, for its chief or director. */
  @Transactional(readOnly = true)
  public List<ActingDeputy> ofAgency(String agency, Caller caller) {
    requireSupervisor(caller, agency, Role.CLERK);
    return records.ofAgency(agency, clock.instant().minus(java.time.Duration.ofDays(7)));
  }

  /** The agency's staff a chief may name, absent or deputy: the directory's members of its groups. */
  public List<String> staffOf(String agency) {
    return java.util.Arrays.stream(Role.values())
        .flatMap(role -> identity.createUserQuery().memberOfGroup(AgencyGroups.groupId(agency, role)).list().stream())
        .map(org.camunda.bpm.engine.identity.User::getId).distinct().sorted().toList();
  }

  /**
   * Takes back the work of periods that ended, then hands over the work of periods that began; on
   * every node, so a period ends within the sweep's interval of its end even if nobody ends it.
   */
  @Scheduled(fixedDelayString = "${caserouting.deputies.sweep-interval:PT30S}",
      initialDelayString = "${caserouting.deputies.sweep-interval:PT30S}")
  @Transactional
  public void sweep() {
    Instant now = clock.instant();
    List<ActingDeputy> unreleased = records.unreleased();
    current = unreleased;
    for (ActingDeputy period : unreleased) {
      if (!period.until().isAfter(now)) {
        if (period.handedOver()) {
          release(period);
        } else {
          records.markReleased(period.id());
        }
      }
    }
    for (ActingDeputy period : unreleased) {
      if (!period.handedOver() && period.activeAt(now)) {
        handOver(period);
      }
    }
    refresh();
  }

  private void handOver(ActingDeputy period) {
    for (Task task : tasks.createTaskQuery().taskCandidateGroup(period.group()).includeAssignedTasks().active().list()) {
      offer(task.getId(), period.deputyUser());
    }
    for (Task task : tasks.createTaskQuery().taskAssignee(period.absentUser()).active().list()) {
      if (!ofAgency(task.getId(), period.agency())) {
        continue;
      }
      offer(task.getId(), period.deputyUser());
      records.handedTask(period.id(), task.getId(), period.absentUser());
      tasks.setAssignee(task.getId(), period.deputyUser());
      record(task, period.agency(), "%s：%s → %s（代理 acting for %s，至 until %s）".formatted(task.getName(),
          period.absentUser(), period.deputyUser(), period.absentUser(), period.until().atZone(zone).toLocalDateTime()));
    }
    filters.actingFor(period.id(), period.deputyUser(), period.absentUser(), period.group());
    records.markHandedOver(period.id());
    log.info("Acting deputy {} for {} in {} from now: their open tasks are offered to the deputy",
        period.deputyUser(), period.absentUser(), period.group());
  }

  private void release(ActingDeputy period) {
    Map<String, String> handed = records.handedTasks(period.id());
    String deputy = period.deputyUser();
    for (Task task : tasks.createTaskQuery().taskInvolvedUser(deputy).active().list()) {
      List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
      boolean viaThisPeriod = handed.containsKey(task.getId())
          || links.stream().anyMatch(link -> period.group().equals(link.getGroupId()));
      if (!viaThisPeriod) {
        continue;
      }
      boolean inOwnRight = links.stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
          && link.getGroupId() != null && member(deputy, link.getGroupId()));
      if (deputy.equals(task.getAssignee()) && !inOwnRight) {
        String back = handed.get(task.getId());
        if (back != null && deputyOf(back).isPresent()) {
          back = null; // away again, with another deputy: the group's list, where that deputy finds it
        }
        tasks.setAssignee(task.getId(), back);
        record(task, period.agency(), "%s：%s → %s（代理期間結束 the acting period ended）".formatted(
            task.getName(), deputy, back == null ? "退回機關待辦 back to the agency's list" : back));
      }
      if (links.stream().anyMatch(link -> deputy.equals(link.getUserId()) && IdentityLinkType.CANDIDATE.equals(link.getType()))) {
        tasks.deleteCandidateUser(task.getId(), deputy);
      }
      if (!inOwnRight) {
        // The engine keeps a person's grant on a task after their link goes; the period's must go with it.
        for (Authorization grant : authorizations.createAuthorizationQuery().userIdIn(deputy)
            .resourceType(Resources.TASK).resourceId(task.getId()).list()) {
          authorizations.deleteAuthorization(grant.getId());
        }
      }
    }
    filters.stopActing(period.id(), deputy);
    records.markReleased(period.id());
    log.info("Acting deputy {} for {} ended: the tasks of the period are taken back", deputy, period.absentUser());
  }

  private void offer(String taskId, String deputy) {
    boolean offered = tasks.getIdentityLinksForTask(taskId).stream()
        .anyMatch(link -> deputy.equals(link.getUserId()) && IdentityLinkType.CANDIDATE.equals(link.getType()));
    if (!offered) {
      tasks.addCandidateUser(taskId, deputy);
    }
  }

  private boolean ofAgency(String taskId, String agency) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .map(IdentityLink::getGroupId).filter(group -> group != null).map(AgencyGroups::parse)
        .flatMap(Optional::stream).anyMatch(role -> role.agencyCode().equals(agency));
  }

  private void record(Task task, String agency, String detail) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    if (instance != null && instance.getBusinessKey() != null) {
      events.record(instance.getBusinessKey(), CaseEventKind.ACTING_DEPUTY, agency, detail);
    }
  }

  /** The agency and role of the absent person that the caller supervises, or why not. */
  private AgencyRole roleInSupervisedAgency(String absent, String agency, Caller caller) {
    List<AgencyRole> roles = identity.createGroupQuery().groupMember(absent).list().stream()
        .map(Group::getId).map(AgencyGroups::parse).flatMap(Optional::stream)
        .filter(role -> agency == null || agency.isBlank() || role.agencyCode().equalsIgnoreCase(agency.strip()))
        .sorted(Comparator.comparing((AgencyRole role) -> role.role()).reversed())
        .toList();
    if (roles.isEmpty()) {
      throw new InvalidDeputy(List.of(new InvalidField("absentUserId",
          absent + " 不是" + (agency == null || agency.isBlank() ? "機關" : agency) + "人員 is not known as staff of an agency")));
    }
    AgencyRole highest = roles.get(0);
    requireSupervisor(caller, highest.agencyCode(), highest.role());
    return highest;
  }

  /** A chief names deputies for clerks and chiefs of the agency; only a director, for a director. */
  private static void requireSupervisor(Caller caller, String agency, Role absentRole) {
    if (caller.isAdministrator()) {
      return;
    }
    boolean director = caller.agenciesAs(Role.DIRECTOR).contains(agency);
    boolean chief = caller.agenciesAs(Role.CHIEF).contains(agency);
    if (!(director || (chief && absentRole != Role.DIRECTOR))) {
      throw new NotYourStaff(caller.userId(), agency);
    }
  }

  private Optional<Role> highestRole(String user, String agency) {
    return identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(AgencyGroups::parse).flatMap(Optional::stream)
        .filter(role -> role.agencyCode().equals(agency)).map(AgencyRole::role).max(Comparator.naturalOrder());
  }

  private boolean member(String user, String group) {
    return identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
  }

  private Instant instant(String text, String field, List<InvalidField> errors) {
    try {
      return DateTimeInput.parse(text, field, zone);
    } catch (Refusal refused) {
      errors.add(new InvalidField(field, refused.getMessage()));
      return null;
    }
  }

  private List<ActingDeputy> current() {
    List<ActingDeputy> known = current;
    if (known == null) {
      known = records.unreleased();
      current = known;
    }
    return known;
  }

  private void refresh() {
    current = records.unreleased();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
