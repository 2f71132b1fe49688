package org.caserouting.platform.engine.feel;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The answers of an application's form, as a decision table reads them: {@code
 * applicationData.floorAreaSqm} in an input expression (ADR 0026). They are never process
 * variables: a table that names {@code applicationData} is given the case's answers, read from the
 * application by its number when the expression asks, and nothing is stored or written to the
 * history but the table's result. No task and no door can write them. Which answers a rule may
 * read is checked against the catalog ({@code AnswersReadByRules}).
 */
@FunctionalInterface
public interface ApplicationAnswers {

  /** The name a table reads the answers by. */
  String VARIABLE = "applicationData";

  /** The case's number, which each of its processes carries. */
  String APPLICATION_NO = "applicationNo";

  /** The answers of this application, by field name; empty when it has none. */
  Map<String, Object> of(String applicationNo);

  /**
   * The variables of an evaluation, and the case's answers under {@link #VARIABLE}, read only if an
   * expression asks. The answers stand in for any variable of that name, so that nothing written
   * into a case, through whatever door, can pass for what the applicant answered.
   */
  static VariableContext offeredTo(VariableContext variables, ApplicationAnswers answers) {
    if (answers == null || !variables.containsVariable(APPLICATION_NO)) {
      return variables;
    }
    return new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        if (!VARIABLE.equals(name)) {
          return variables.resolve(name);
        }
        Object applicationNo = variables.resolve(APPLICATION_NO).getValue();
        return Variables.untypedValue(applicationNo == null ? Map.of() : answers.of(applicationNo.toString()));
      }

      @Override
      public boolean containsVariable(String name) {
        return VARIABLE.equals(name) || variables.containsVariable(name);
      }

      @Override
      public Set<String> keySet() {
        Set<String> keys = new java.util.LinkedHashSet<>(variables.keySet());
        keys.add(VARIABLE);
        return keys;
      }
    };
  }
}
