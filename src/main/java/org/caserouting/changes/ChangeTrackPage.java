package org.caserouting.changes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caserouting.tracking.LookupLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's view of a reported change on /track: the same form as for an application (the
 * number and the last four characters of the ID), forwarded here for a change number. Each
 * agency told, and its answer; the agencies left for the citizen to inform.
 */
@Controller
class ChangeTrackPage {

  private final ChangeNotifications changes;
  private final LookupLimits limits;

  ChangeTrackPage(ChangeNotifications changes, LookupLimits limits) {
    this.changes = changes;
    this.limits = limits;
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
    var change = changes.findForSubject(applicationNo, idSuffix);
    if (change.isEmpty()) {
      response.setStatus(404);
      model.addAttribute("error", "track.error.notFound");
      return "track";
    }
    model.addAttribute("change", change.get());
    return "change";
  }
}
