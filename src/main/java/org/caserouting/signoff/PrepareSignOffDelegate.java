package org.caserouting.signoff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.Catalog;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.signoff.SignOffProcess.Variables;
import org.springframework.stereotype.Component;

/** Gives the delegation-of-authority table its inputs and the signers the case's earlier signatures. */
@Component("prepareSignOff")
class PrepareSignOffDelegate implements JavaDelegate {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Catalog catalog;
  private final SignOffChain chain;
  private final ApplicationRepository applications;
  private final ZoneId zone;

  PrepareSignOffDelegate(Catalog catalog, SignOffChain chain, ApplicationRepository applications, CalendarProperties calendar) {
    this.catalog = catalog;
    this.chain = chain;
    this.applications = applications;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agencyCode = (String) execution.getVariable(Variables.SIGNING_AGENCY);
    Agency agency =
        catalog.agency(agencyCode).orElseThrow(() -> new IllegalStateException("Unknown agency " + agencyCode));
    String caseType = applications.require(execution.getProcessBusinessKey()).getCaseTypeCode();
    execution.setVariable(Variables.AGENCY_LEVEL, agency.getLevel().name());
    execution.setVariable(Variables.CATEGORY, catalog.categoryOf(caseType).name());
    execution.setVariable(
        Variables.EARLIER_SIGN_OFFS,
        chain.of(execution.getProcessBusinessKey()).stream()
            .map(s -> "%s %s %s %s：%s %s".formatted(
                WHEN.format(s.getSignedAt().atZone(zone)), s.getAgency(), s.getRole(), s.getUserId(), s.getOutcome(),
                s.getOpinion()))
            .collect(Collectors.joining("\n")));
  }
}
