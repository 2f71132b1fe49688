package org.caserouting.tracking;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.caserouting.cases.TrackingLinks;
import org.caserouting.changes.ChangeReport;
import org.caserouting.changes.ChangeReporting;
import org.caserouting.tracking.LookupGuard.Lookup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's view of a reported change on /track: the same form as for an application (the
 * number and the last four characters of the ID), forwarded here for a change number. Each
 * agency told, and its answer; the agencies left for the citizen to inform.
 */
@Controller
class ChangeTrackPage {

  private final ChangeReporting changes;
  private final LookupLimits limits;
  private final LookupGuard guard;
  private final TrackingLinks links;

  ChangeTrackPage(ChangeReporting changes, LookupLimits limits, LookupGuard guard, TrackingLinks links) {
    this.changes = changes;
    this.limits = limits;
    this.guard = guard;
    this.links = links;
  }

  @PostMapping("/track/change")
  String change(@RequestParam(defaultValue = "") String applicationNo, @RequestParam(defaultValue = "") String idSuffix,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("applicationNo", applicationNo);
    if (!limits.allow(request.getRemoteAddr())) {
      response.setStatus(429);
      model.addAttribute("error", "track.error.tooMany");
      return "track";
    }
    String suffix = idSuffix.strip().toUpperCase(Locale.ROOT);
    Lookup<ChangeReport> lookup = suffix.length() != 4
        ? new Lookup.NotFound<>()
        : guard.lookUp(applicationNo.strip(), changes.findReport(applicationNo.strip()),
            report -> report.getSubjectNationalId().toUpperCase(Locale.ROOT).endsWith(suffix));
    if (lookup instanceof Lookup.Wait<ChangeReport> wait) {
      return TrackPage.waitForNumber(wait.duration(), response, model);
    }
    if (!(lookup instanceof Lookup.Found<ChangeReport> found)) {
      response.setStatus(404);
      model.addAttribute("error", "track.error.notFound");
      return "track";
    }
    model.addAttribute("change", changes.viewForCitizen(found.value()));
    return "change";
  }

  /** The citizen's own link, from the mails: no ID suffix, never a wait for the number. */
  @GetMapping("/track/change/t/{token}")
  String byLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!limits.allow(request.getRemoteAddr())) {
      response.setStatus(429);
      model.addAttribute("error", "track.error.tooMany");
      return "track";
    }
    var change = links.open(TrackingLinks.Kind.CHANGE, token).flatMap(opened -> changes.findReport(opened.caseNo()));
    if (change.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("error", "track.error.unknownLink");
      return "track";
    }
    model.addAttribute("applicationNo", change.get().getChangeNo());
    model.addAttribute("change", changes.viewForCitizen(change.get()));
    return "change";
  }
}
