package org.caserouting.catalog;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.caserouting.catalog.CatalogFiles.CaseTypeRow;
import org.caserouting.platform.engine.feel.ApplicationAnswers;

/**
 * The answers of an application's form that decision tables read (ADR 0026). A table reads one
 * through an input whose expression names it, {@code applicationData.floorAreaSqm}, and is given
 * it when the case evaluates it ({@link ApplicationAnswers}). A rule that tests
 * such an input reads the answer of every type the rule can apply to, so each of those types must
 * declare the field in its form, or the rule would decide on an answer no applicant was ever asked.
 * Which types a rule applies to is read from its {@code caseTypeCode} and {@code category}
 * columns, when it lists their values; a rule that does not narrow them applies to every type.
 */
public final class AnswersReadByRules {

  public static final String VARIABLE = ApplicationAnswers.VARIABLE;

  private static final Pattern READ = Pattern.compile("\\b" + VARIABLE + "\\.([A-Za-z][A-Za-z0-9]*)");
  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

  /** A rule's test of one answer, and the type codes and categories it is narrowed to (null: any). */
  public record Read(String decision, String rule, String field, Set<String> caseTypeCodes, Set<String> categories) {

    boolean appliesTo(CaseTypeRow type) {
      return (caseTypeCodes == null || caseTypeCodes.contains(type.code()))
          && (categories == null || categories.contains(type.category().name()));
    }
  }

  private AnswersReadByRules() {}

  /** Every rule's test of an answer in the tables of these bytes. */
  public static List<Read> of(byte[] dmn) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
    List<Read> reads = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        continue;
      }
      List<String> expressions = table.getInputs().stream().map(AnswersReadByRules::expression).toList();
      for (Rule rule : table.getRules()) {
        List<String> entries = rule.getInputEntries().stream().map(AnswersReadByRules::text).toList();
        for (int column = 0; column < expressions.size() && column < entries.size(); column++) {
          Matcher read = READ.matcher(expressions.get(column));
          if (!read.find() || any(entries.get(column))) {
            continue;
          }
          reads.add(new Read(decision.getId(), rule.getId(), read.group(1),
              narrowedTo(expressions, entries, "caseTypeCode"), narrowedTo(expressions, entries, "category")));
        }
      }
    }
    return reads;
  }

  /** A type's field a rule reads that its form does not declare, as a problem per rule and type. */
  public static List<String> gaps(CatalogFiles catalog, List<Read> reads) {
    List<String> gaps = new ArrayList<>();
    for (CaseTypeRow type : catalog.caseTypes()) {
      Set<String> declared = new LinkedHashSet<>();
      type.applicationForm().forEach(field -> declared.add(field.name()));
      for (Read read : reads) {
        if (read.appliesTo(type) && !declared.contains(read.field())) {
          gaps.add("case type " + type.code() + ": rule " + read.rule() + " of " + read.decision() + " reads "
              + VARIABLE + "." + read.field() + ", which the type's applicationForm does not declare");
        }
      }
    }
    return gaps;
  }

  /** The values a rule's entry lists for the column with this expression; null when it does not narrow it. */
  private static Set<String> narrowedTo(List<String> expressions, List<String> entries, String expression) {
    int column = expressions.indexOf(expression);
    if (column < 0 || column >= entries.size() || any(entries.get(column))) {
      return null;
    }
    String entry = entries.get(column);
    if (!entry.replaceAll(LITERAL.pattern(), "").replace(",", "").isBlank()) {
      return null; // not a plain list of values (a negation, a function): it may apply to any type
    }
    Set<String> values = new LinkedHashSet<>();
    Matcher literal = LITERAL.matcher(entry);
    while (literal.find()) {
      values.add(literal.group(1));
    }
    return values;
  }

  private static boolean any(String entry) {
    return entry.isBlank() || entry.equals("-");
  }

  private static String expression(Input input) {
    return input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
        : input.getInputExpression().getText().getTextContent().strip();
  }

  private static String text(InputEntry entry) {
    return entry.getText() == null ? "" : entry.getText().getTextContent().strip();
  }
}
