package org.caserouting.catalog;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A type no row of the decision tables gives a channel (dmn/online-eligibility.dmn) and a route
 * (dmn/routing.dmn) can never be applied for: nobody could say where it goes. Checked for the
 * whole catalog at start, and for a table a process owner deploys, with every such type listed.
 */
public final class HandlingCoverage {

  private HandlingCoverage() {}

  /**
   * Every type without exactly one channel and one route, one line each.
   *
   * @param evaluate the rows a decision (by key) gives for some inputs; empty when the decision is
   *     not at hand, which leaves it unchecked
   */
  public static List<String> gaps(CatalogFiles catalog, BiFunction<String, Map<String, Object>, Optional<List<Map<String, Object>>>> evaluate) {
    List<String> gaps = new ArrayList<>();
    for (CatalogFiles.CaseTypeRow row : catalog.caseTypes()) {
      CaseType type = new CaseType(row.code());
      type.update(row, catalog.requiredDocuments(row));
      String at = "case type " + row.code() + ": ";
      evaluate.apply(OnlineEligibilityDecision.KEY, OnlineEligibilityDecision.inputsFor(type)).ifPresent(rows -> {
        if (rows.size() != 1) {
          gaps.add(at + rowsOf(rows.size(), "online-eligibility.dmn") + " it a channel; it needs exactly one, or it can never"
              + " be applied for");
        } else if (!isA(Channel.class, rows.get(0).get(OnlineEligibilityDecision.CHANNEL))) {
          gaps.add(at + "online-eligibility.dmn gives it the channel '" + rows.get(0).get(OnlineEligibilityDecision.CHANNEL)
              + "', which is none of " + Arrays.toString(Channel.values()));
        }
      });
      evaluate.apply(RoutingDecision.KEY, RoutingDecision.inputsFor(type)).ifPresent(rows -> {
        if (rows.size() != 1) {
          gaps.add(at + rowsOf(rows.size(), "routing.dmn") + " it a route; it needs exactly one, or it can never be applied for");
        } else if (!isA(Route.class, rows.get(0).get(RoutingDecision.ROUTE))) {
          gaps.add(at + "routing.dmn gives it the route '" + rows.get(0).get(RoutingDecision.ROUTE) + "', which is none of "
              + Arrays.toString(Route.values()));
        }
      });
    }
    return gaps;
  }

  /** The gaps the decisions a deployment or a file holds leave, evaluated on a DMN engine of its own. */
  public static List<String> gapsOfTables(byte[] dmn, CatalogFiles catalog) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    Map<String, DmnDecision> decisions = engine.parseDecisions(new ByteArrayInputStream(dmn)).stream()
        .collect(Collectors.toMap(DmnDecision::getKey, decision -> decision, (a, b) -> a));
    if (!decisions.containsKey(OnlineEligibilityDecision.KEY) && !decisions.containsKey(RoutingDecision.KEY)) {
      return List.of();
    }
    return gaps(catalog, (key, inputs) -> Optional.ofNullable(decisions.get(key))
        .map(decision -> engine.evaluateDecision(decision, Variables.fromMap(inputs)).getResultList()));
  }

  private static String rowsOf(int count, String table) {
    return count == 0 ? "no row of " + table + " gives" : count + " rows of " + table + " give";
  }

  private static <E extends Enum<E>> boolean isA(Class<E> type, Object value) {
    return value != null && Arrays.stream(type.getEnumConstants()).anyMatch(constant -> constant.name().equals(value));
  }
}
