package org.caserouting.platform.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * Parsing once changes nothing but the cost: every table in dmn/ gives the same answers, or the
 * same failure, through the engine's own FEEL engine and through ours, over inputs drawn from the
 * values its rules test (and values they do not), many times over so that kept parses are reused.
 */
class ParsedOnceFeelEngineTest {

  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"|(?<![\\w.])(-?\\d+)(?![\\w.])");

  private final DmnEngine theEngines = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DmnEngine ours = oursEngine();

  private static DmnEngine oursEngine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(null));
    return configuration.buildEngine();
  }

  @Test
  void everyTableAnswersAsTheEnginesOwnFeelDoes() throws IOException {
    Random random = new Random(20261130);
    int compared = 0;
    try (Stream<Path> files = Files.list(Path.of("dmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        List<DmnDecision> mine = parse(ours, file);
        List<DmnDecision> theirs = parse(theEngines, file);
        Map<String, List<Object>> candidates = candidates(model);
        for (int round = 0; round < 200; round++) {
          VariableMap inputs = Variables.createVariables();
          candidates.forEach((name, values) -> inputs.putValue(name, values.get(random.nextInt(values.size()))));
          for (int i = 0; i < mine.size(); i++) {
            assertThat(outcome(ours, mine.get(i), inputs)).as("%s %s", file.getFileName(), inputs)
                .isEqualTo(outcome(theEngines, theirs.get(i), inputs));
            compared++;
          }
        }
      }
    }
    assertThat(compared).as("tables compared").isGreaterThanOrEqualTo(6 * 200);
  }

  @Test
  void aBrokenExpressionFailsAlikeEveryTimeItIsAsked() {
    ParsedOnceFeelEngine engine = new ParsedOnceFeelEngine(null);
    for (int i = 0; i < 3; i++) {
      String failure = null;
      try {
        engine.evaluateSimpleUnaryTests("> > 3", "x", Variables.createVariables().putValue("x", 1).asVariableContext());
      } catch (RuntimeException e) {
        failure = e.getMessage();
      }
      assertThat(failure).as("attempt %s", i).contains("failed to parse");
    }
  }

  private static List<DmnDecision> parse(DmnEngine engine, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return engine.parseDecisions(in);
    }
  }

  private static String outcome(DmnEngine engine, DmnDecision decision, VariableMap inputs) {
    try {
      return Objects.toString(engine.evaluateDecision(decision, inputs).getResultList());
    } catch (RuntimeException e) {
      return "failed: " + e.getClass().getSimpleName();
    }
  }

  /** Per input variable, the literals its rules test, a value none tests, and null. */
  private static Map<String, List<Object>> candidates(DmnModelInstance model) {
    Map<String, List<Object>> candidates = new java.util.LinkedHashMap<>();
    List<Input> inputs = new ArrayList<>(model.getModelElementsByType(Input.class));
    for (int column = 0; column < inputs.size(); column++) {
      Input input = inputs.get(column);
      String name = input.getInputExpression().getText().getTextContent().strip();
      String type = Objects.toString(input.getInputExpression().getTypeRef(), "string");
      Set<Object> values = new LinkedHashSet<>();
      for (Rule rule : model.getModelElementsByType(Rule.class)) {
        List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
        if (column < entries.size() && rule.getParentElement().equals(input.getParentElement())) {
          Matcher literal = LITERAL.matcher(entries.get(column).getTextContent());
          while (literal.find()) {
            values.add(literal.group(1) != null ? literal.group(1) : Integer.valueOf(literal.group(2)));
          }
        }
      }
      switch (type) {
        case "boolean" -> values.addAll(List.of(true, false));
        case "integer", "long", "double" -> {
          values.removeIf(v -> !(v instanceof Integer));
          values.addAll(List.of(0, 1, 2, 5, 99));
        }
        default -> {
          values.removeIf(v -> !(v instanceof String));
          values.add("NOT-IN-ANY-RULE");
        }
      }
      List<Object> list = new ArrayList<>(values);
      list.add(null);
      candidates.put(name, list);
    }
    return candidates;
  }
}
