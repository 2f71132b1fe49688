package org.caserouting.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the case catalog, with each type's handling as the decision tables give it. */
@Service
@Transactional(readOnly = true)
public class Catalog {

  private final CaseTypeRepository caseTypes;
  private final AgencyRepository agencies;
  private final HandlingDecisions decisions;

  Catalog(CaseTypeRepository caseTypes, AgencyRepository agencies, HandlingDecisions decisions) {
    this.caseTypes = caseTypes;
    this.agencies = agencies;
    this.decisions = decisions;
  }

  public List<CaseTypeView> caseTypes(Category category, Route route, Channel channel) {
    return caseTypes.findAll().stream()
        .filter(type -> category == null || type.getCategory() == category)
        .sorted(Comparator.comparing(CaseType::getCategory).thenComparing(CaseType::getCode))
        .map(type -> CaseTypeView.of(type, decisions.evaluate(type)))
        .filter(view -> route == null || view.route() == route)
        .filter(view -> channel == null || view.channel() == channel)
        .toList();
  }

  public CaseTypeView caseType(String code) {
    CaseType type = caseTypes.findById(code).orElseThrow(() -> new UnknownCaseTypeException(code));
    return CaseTypeView.of(type, decisions.evaluate(type));
  }

  /** The fields the type's application form asks. */
  public ApplicationForm applicationForm(String caseTypeCode) {
    return caseTypes.findById(caseTypeCode)
        .map(CaseType::getApplicationForm)
        .orElseThrow(() -> new UnknownCaseTypeException(caseTypeCode));
  }

  public Category categoryOf(String caseTypeCode) {
    return caseTypes.findById(caseTypeCode)
        .map(CaseType::getCategory)
        .orElseThrow(() -> new UnknownCaseTypeException(caseTypeCode));
  }

  public Optional<Agency> agency(String code) {
    return code == null ? Optional.empty() : agencies.findById(code);
  }

  /** An agency's name as staff read it, zh-TW then English; its code for one the catalog lacks. */
  public String agencyName(String code) {
    return agency(code).map(found -> found.getNameZh() + " " + found.getNameEn()).orElse(code);
  }

  public boolean hasCaseType(String code) {
    return code != null && caseTypes.existsById(code);
  }

  /** Every agency's name as staff read it, by code: for a page or report that names many. */
  public java.util.Map<String, String> agencyNames() {
    return agencies.findAll().stream().collect(java.util.stream.Collectors.toMap(
        Agency::getCode, found -> found.getNameZh() + " " + found.getNameEn()));
  }

  /** Every type's name as staff read it, by code. */
  public java.util.Map<String, String> caseTypeNames() {
    return caseTypes.findAll().stream().collect(java.util.stream.Collectors.toMap(
        CaseType::getCode, type -> type.getNameZh() + " " + type.getNameEn()));
  }
}
