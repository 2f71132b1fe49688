package org.caserouting.review;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.CaseEventKind;
import org.caserouting.cases.CaseEvents;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.CaseType;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.Catalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a vertical case up and down its chain (層轉核示): the receiving agency, then each agency of
 * the case type's escalation chain, read from the catalog, so the chain can be of any length.
 */
@Service
class Escalation {

  /** Where the case stands: its level in the chain, the agency holding it, and whether one is above. */
  record Position(int level, String agency, boolean hasHigherLevel) {}

  private final CaseTypeRepository caseTypes;
  private final ApplicationRepository applications;
  private final CaseEvents events;
  private final Catalog catalog;

  Escalation(CaseTypeRepository caseTypes, ApplicationRepository applications, CaseEvents events, Catalog catalog) {
    this.caseTypes = caseTypes;
    this.applications = applications;
    this.events = events;
    this.catalog = catalog;
  }

  /** The chain as the clerks' forms show it: the agencies by name, bottom to top. */
  @Transactional(readOnly = true)
  String pathOf(String applicationNo) {
    return chainOf(applicationNo).stream()
        .map(code -> catalog.agency(code).map(Agency::getNameZh).orElse(code))
        .collect(Collectors.joining(" → "));
  }

  /** The receiving agency first, then the agencies above it: the application's, as recorded. */
  @Transactional(readOnly = true)
  List<String> chainOf(String applicationNo) {
    Application application = applications.require(applicationNo);
    String code = application.getCaseTypeCode();
    CaseType type = caseTypes.findById(code).orElseThrow(() -> new IllegalStateException("Unknown case type " + code));
    if (type.getEscalationChain().isEmpty()) {
      throw new IllegalStateException("Case type " + code + " has no escalation chain; it cannot be escalated");
    }
    List<String> chain = new ArrayList<>();
    chain.add(application.getReceivingAgency());
    chain.addAll(type.getEscalationChain());
    return chain;
  }

  /** The case starts at the receiving agency. */
  Position start(String applicationNo) {
    return at(chainOf(applicationNo), 0);
  }

  /** The agency at this level forwards the case to the one above. */
  @Transactional
  Position forward(String applicationNo, int from) {
    List<String> chain = chainOf(applicationNo);
    events.record(applicationNo, CaseEventKind.FORWARDED, chain.get(from + 1), "from " + chain.get(from));
    return at(chain, from + 1);
  }

  /** The agency at this level returns the case one level down, with its opinion. */
  @Transactional
  Position returnDown(String applicationNo, int from, String opinion) {
    List<String> chain = chainOf(applicationNo);
    events.record(applicationNo, CaseEventKind.RETURNED_TO_LOWER_AGENCY, chain.get(from - 1),
        "from " + chain.get(from) + ": " + opinion);
    return at(chain, from - 1);
  }

  /**
   * The signed draft of the level that decided becomes the decision: the receiving agency can only
   * reject (its approval is a forward); an agency above approves or rejects.
   */
  @Transactional
  Conclusion conclude(String applicationNo, Position decidedAt, String outcome, String opinion) {
    boolean approved = decidedAt.level() > 0 && "APPROVE".equals(outcome);
    Conclusion conclusion = Conclusion.of(approved, opinion);
    events.record(applicationNo, CaseEventKind.DECIDED, decidedAt.agency(), conclusion.decision().name());
    return conclusion;
  }

  private static Position at(List<String> chain, int level) {
    return new Position(level, chain.get(level), level < chain.size() - 1);
  }
}
