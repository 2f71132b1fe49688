package org.caserouting.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.caserouting.cases.Caller;
import org.caserouting.catalog.AgencyRepository;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The oversight page for staff, /staff/reports: the same figures as /api/reports/oversight, for a
 * period, an agency and a type, as charts (Chart.js, from its webjar) and as tables that say the
 * same in numbers. Signed in through Tasklist, like the case file.
 */
@Controller
class OversightPage {

  /** An agency or a type to filter by, with the name staff read. */
  record Choice(String code, String name) {}

  private final OversightController reports;
  private final AgencyRepository agencies;
  private final CaseTypeRepository caseTypes;
  private final ObjectMapper json;

  OversightPage(OversightController reports, AgencyRepository agencies, CaseTypeRepository caseTypes,
      ObjectMapper json) {
    this.reports = reports;
    this.agencies = agencies;
    this.caseTypes = caseTypes;
    this.json = json;
  }

  @GetMapping("/staff/reports")
  String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String caseType,
      Authentication signedIn, Model model, HttpServletResponse response) throws JsonProcessingException {
    Caller caller = Caller.of(signedIn);
    ReportScope scope;
    try {
      scope = ReportScope.of(caller);
    } catch (ApiProblem refused) {
      response.setStatus(refused.status().value());
      model.addAttribute("refused", refused.getMessage());
      return "reports";
    }
    model.addAttribute("agencies", agencies.findAll().stream().filter(a -> scope.covers(a.getCode()))
        .map(a -> new Choice(a.getCode(), a.getNameZh() + " " + a.getNameEn())).toList());
    model.addAttribute("caseTypes", caseTypes.findAll().stream()
        .map(t -> new Choice(t.getCode(), t.getNameZh() + " " + t.getNameEn()))
        .sorted(java.util.Comparator.comparing(Choice::code)).toList());
    model.addAttribute("chosenAgency", agency);
    model.addAttribute("chosenType", caseType);
    try {
      OversightController.OversightView view = reports.view(reports.query(from, to, agency, caseType, caller));
      model.addAttribute("report", view);
      model.addAttribute("figures", json.writeValueAsString(view));
    } catch (ApiProblem refused) {
      response.setStatus(refused.status().value());
      Object listed = refused.properties().get("errors");
      model.addAttribute("errors", listed instanceof List<?> list ? list : List.of(new InvalidField("", refused.getMessage())));
      model.addAttribute("from", from);
      model.addAttribute("to", to);
    }
    return "reports";
  }
}
