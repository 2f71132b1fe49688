package org.caserouting.deputies;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import org.caserouting.cases.Caller;
import org.caserouting.catalog.Catalog;
import org.caserouting.platform.AgencyGroups.Role;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.WebappCsrf;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff page for acting deputies (職務代理), at /staff/deputies: a chief or director, signed in
 * to Tasklist, sees the agency's periods, names a deputy and ends a period early. It calls the same
 * rules as the API; its forms carry the Tasklist session's CSRF token.
 */
@Controller
class DeputyPage {

  /** One agency's page section: its periods, and its staff to choose from. */
  record AgencySection(String agency, String agencyName, List<DeputyController.DeputyView> periods,
      List<String> staff) {}

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Deputies deputies;
  private final Catalog catalog;
  private final Clock clock;
  private final ZoneId zone;

  DeputyPage(Deputies deputies, Catalog catalog, Clock clock, CalendarProperties calendar) {
    this.deputies = deputies;
    this.catalog = catalog;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  @GetMapping("/staff/deputies")
  String page(Authentication signedIn, Model model, HttpServletRequest request, HttpServletResponse response) {
    Caller caller = Caller.of(signedIn);
    TreeSet<String> agencies = new TreeSet<>(caller.agenciesAs(Role.CHIEF, Role.DIRECTOR));
    Instant now = clock.instant();
    List<AgencySection> sections = agencies.stream()
        .map(agency -> new AgencySection(agency,
            catalog.agencyName(agency),
            deputies.ofAgency(agency, caller).stream().map(period -> DeputyController.DeputyView.of(period, now)).toList(),
            deputies.staffOf(agency)))
        .toList();
    if (sections.isEmpty()) {
      response.setStatus(403);
    }
    model.addAttribute("sections", sections);
    model.addAttribute("csrf", WebappCsrf.token(request));
    model.addAttribute("user", caller.userId());
    model.addAttribute("shown", new Shown(zone));
    model.addAttribute("defaultFrom", now.atZone(zone).toLocalDateTime().withSecond(0).withNano(0));
    return "deputies";
  }

  @PostMapping("/staff/deputies")
  String name(@RequestParam String agency, @RequestParam(defaultValue = "") String absentUserId,
      @RequestParam(defaultValue = "") String deputyUserId, @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String csrf, Authentication signedIn, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    if (!WebappCsrf.matches(request, csrf)) {
      response.setStatus(403);
      return refused(List.of(new InvalidField("csrf", "請重新整理頁面 Reload the page and try again")), agency, signedIn,
          model, request, response);
    }
    try {
      deputies.name(new Deputies.NameDeputy(agency, absentUserId, deputyUserId, from, to, reason), Caller.of(signedIn));
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      return refused(errors(problem), agency, signedIn, model, request, response);
    }
    return "redirect:/staff/deputies";
  }

  @PostMapping("/staff/deputies/{id}/end")
  String end(@PathVariable long id, @RequestParam(defaultValue = "") String csrf, Authentication signedIn, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    if (!WebappCsrf.matches(request, csrf)) {
      response.setStatus(403);
      return refused(List.of(new InvalidField("csrf", "請重新整理頁面 Reload the page and try again")), null, signedIn,
          model, request, response);
    }
    try {
      deputies.end(id, Caller.of(signedIn));
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      return refused(errors(problem), null, signedIn, model, request, response);
    }
    return "redirect:/staff/deputies";
  }

  private String refused(List<InvalidField> errors, String agency, Authentication signedIn, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    int status = response.getStatus();
    String page = page(signedIn, model, request, response);
    response.setStatus(status);
    model.addAttribute("errors", errors);
    model.addAttribute("errorAgency", agency);
    return page;
  }

  @SuppressWarnings("unchecked")
  private static List<InvalidField> errors(ApiProblem problem) {
    Object listed = problem.properties().get("errors");
    return listed instanceof List<?> list ? (List<InvalidField>) list : List.of(new InvalidField("", problem.getMessage()));
  }

  /** Times as the page shows them, in the city's zone. */
  record Shown(ZoneId zone) {
    public String of(Instant at) {
      return at == null ? "" : SHOWN.format(at.atZone(zone));
    }
  }
}
