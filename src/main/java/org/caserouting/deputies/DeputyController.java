package org.caserouting.deputies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caserouting.cases.Caller;
import org.caserouting.platform.AgencyGroups.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Acting deputies (職務代理) through our API: an agency's section chief or director names who acts
 * for an absent colleague and until when, lists the agency's periods, and ends one early.
 */
@RestController
class DeputyController {

  /** A period as the API shows it, with its state in words. */
  record DeputyView(long id, String agency, String role, String roleLabel, String absentUserId, String deputyUserId,
      Instant from, Instant to, Instant until, String reason, String namedBy, Instant namedAt, String endedBy,
      Instant endedAt, String state, String stateLabel) {

    static DeputyView of(ActingDeputy period, Instant now) {
      String state = !now.isBefore(period.until()) ? "ENDED" : period.activeAt(now) ? "ACTING" : "SCHEDULED";
      String label = switch (state) {
        case "ENDED" -> "已結束 Ended";
        case "ACTING" -> "代理中 Acting";
        default -> "尚未開始 Scheduled";
      };
      return new DeputyView(period.id(), period.agency(), period.role().name(),
          period.role().nameZh() + " " + period.role().nameEn(), period.absentUser(), period.deputyUser(),
          period.startsAt(), period.endsAt(), period.until(), period.reason(), period.namedBy(), period.namedAt(),
          period.endedBy(), period.endedAt(), state, label);
    }
  }

  private final Deputies deputies;
  private final Clock clock;

  DeputyController(Deputies deputies, Clock clock) {
    this.deputies = deputies;
    this.clock = clock;
  }

  @PostMapping("/api/deputies")
  @ResponseStatus(HttpStatus.CREATED)
  DeputyView name(@RequestBody Deputies.NameDeputy request, Authentication caller) {
    return DeputyView.of(deputies.name(request, Caller.of(caller)), clock.instant());
  }

  /** The periods of one agency, or of every agency the caller supervises. */
  @GetMapping("/api/deputies")
  List<DeputyView> list(@RequestParam(required = false) String agency, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Set<String> agencies = agency != null ? Set.of(agency) : new TreeSet<>(caller.agenciesAs(Role.CHIEF, Role.DIRECTOR));
    if (agencies.isEmpty()) {
      throw new DeputyProblems.NotYourStaff(caller.userId(), "any agency");
    }
    Instant now = clock.instant();
    return agencies.stream().flatMap(code -> deputies.ofAgency(code, caller).stream())
        .map(period -> DeputyView.of(period, now)).toList();
  }

  @PostMapping("/api/deputies/{id}/end")
  DeputyView end(@PathVariable long id, Authentication caller) {
    return DeputyView.of(deputies.end(id, Caller.of(caller)), clock.instant());
  }
}
