package org.caserouting.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What each decision table answers, kept on purpose beside it: {@code dmn/routing.dmn} has
 * {@code dmn/routing.examples.yaml}, a list of examples, each with its inputs and the table's
 * expected result (every matching rule's outputs, in rule order). Business rule tasks bind the
 * latest table, so an edit reaches every case that evaluates it afterwards; an edit that changes
 * an answer the examples keep fails the build until the examples are changed with it, on purpose
 * and in the same review. A table without examples fails too.
 */
final class DecisionExamplesLint {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** One example: what it shows, the inputs, and the result expected. */
  record Example(String example, Map<String, Object> inputs, List<Map<String, Object>> outputs) {}

  private final Path decisions;

  DecisionExamplesLint(Path decisions) {
    this.decisions = decisions;
  }

  List<String> findings() {
    List<String> findings = new ArrayList<>();
    for (Path table : ModelLint.files(decisions, ".dmn")) {
      String name = table.getFileName().toString();
      Path examplesFile = table.resolveSibling(name.replaceFirst("\\.dmn$", ".examples.yaml"));
      if (!Files.exists(examplesFile)) {
        findings.add(name + ": has no examples (" + examplesFile.getFileName() + ")");
        continue;
      }
      DmnDecision decision = parse(table);
      Example[] examples = read(examplesFile);
      if (examples.length == 0) {
        findings.add(examplesFile.getFileName() + ": holds no example");
      }
      for (Example example : examples) {
        List<Map<String, Object>> answered = answer(decision, example.inputs());
        if (!same(answered, example.outputs())) {
          findings.add(name + ": example '" + example.example() + "' expects " + example.outputs()
              + " but the table answers " + answered);
        }
      }
    }
    return findings;
  }

  private static DmnDecision parse(Path table) {
    try (InputStream in = Files.newInputStream(table)) {
      List<DmnDecision> decisions = ENGINE.parseDecisions(in);
      return decisions.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Example[] read(Path file) {
    try {
      Example[] examples = YAML.readValue(file.toFile(), Example[].class);
      return examples == null ? new Example[0] : examples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, Object>> answer(DmnDecision decision, Map<String, Object> inputs) {
    VariableMap variables = Variables.createVariables();
    (inputs == null ? Map.<String, Object>of() : inputs).forEach(variables::putValue);
    List<Map<String, Object>> answered = new ArrayList<>();
    ENGINE.evaluateDecision(decision, variables).getResultList().forEach(entry -> answered.add(new LinkedHashMap<>(entry)));
    return answered;
  }

  /** The same entries in the same order; numbers equal by value (a YAML 1 is a table's 1.0). */
  private static boolean same(List<Map<String, Object>> answered, List<Map<String, Object>> expected) {
    JsonNode left = YAML.valueToTree(answered);
    JsonNode right = YAML.valueToTree(expected == null ? List.of() : expected);
    return left.equals((a, b) -> a.isNumber() && b.isNumber()
        ? new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) : a.equals(b) ? 0 : 1, right);
  }
}
