package org.caserouting.verification;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caserouting.catalog.CatalogFiles.DocumentRow;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.caserouting.catalog.CatalogFiles;

/**
 * The least-data promise, checked as a whole: a document that a type lists as shown by a
 * government database (GOV_DB_VERIFIABLE) is one the applicant does not attach, so a row of
 * dmn/verification-scope.dmn for that type must fetch it, from its service and asking at least
 * one of its fields. Otherwise the applicant is told we fetch it, and nobody does.
 */
public final class VerificationCoverage {

  private VerificationCoverage() {}

  /**
   * Every gap, one line each, in the catalog's order; empty when every promise is kept.
   *
   * @param scopeOf the scope table's rows for a case type code (service, fields, ...)
   */
  public static List<String> gaps(CatalogFiles catalog, Function<String, List<Map<String, Object>>> scopeOf) {
    Map<String, DocumentRow> documents = catalog.documentsByCode();
    List<String> gaps = new ArrayList<>();
    for (CatalogFiles.CaseTypeRow type : catalog.caseTypes()) {
      List<Map<String, Object>> rows = scopeOf.apply(type.code());
      for (String code : type.requiredDocuments()) {
        DocumentRow document = documents.get(code);
        if (document == null || document.verifiedBy() == null) {
          continue;
        }
        String service = document.verifiedBy().service();
        List<String> standFor = document.verifiedBy().fields();
        boolean fetched = rows.stream()
            .filter(row -> service.equals(row.get("service")))
            .anyMatch(row -> fields(row.get("fields")).stream().anyMatch(standFor::contains));
        if (!fetched) {
          gaps.add("case type " + type.code() + ": " + code + " is GOV_DB_VERIFIABLE, but no row of"
              + " verification-scope.dmn asks " + service + " for " + String.join(" or ", standFor));
        }
      }
    }
    return gaps;
  }

  /**
   * The gaps of a scope table as a deployment or a file holds it, evaluated on a DMN engine of its
   * own; none when the bytes hold no scope table.
   */
  public static List<String> gapsOfTable(byte[] dmn, CatalogFiles catalog) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    for (DmnDecision scope : engine.parseDecisions(new ByteArrayInputStream(dmn))) {
      if (Verification.SCOPE_DECISION.equals(scope.getKey())) {
        return gaps(catalog, code ->
            engine.evaluateDecision(scope, Variables.createVariables().putValue("caseTypeCode", code)).getResultList());
      }
    }
    return List.of();
  }

  private static Set<String> fields(Object list) {
    return list == null
        ? Set.of()
        : Arrays.stream(list.toString().split(",")).map(String::strip).filter(f -> !f.isEmpty()).collect(Collectors.toSet());
  }
}
