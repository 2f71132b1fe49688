package org.caserouting.platform.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.caserouting.platform.engine.task.FormContract.Purpose;
import org.junit.jupiter.api.Test;

/** What a form lets a person enter, read from the form itself, and values held to it. */
class FormContractTest {

  private static final FeelEngine FEEL =
      ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()
          .getConfiguration()).getFeelEngine();

  private static final FormContract.Feel feel =
      (expression, variables) -> FEEL.evaluateSimpleExpression(expression, Variables.fromMap(variables).asVariableContext());

  private static FormContract form(String components) {
    return FormContract.parse(("{\"id\": \"test\", \"components\": [" + components + "]}").getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> check(FormContract form, Purpose purpose, Object... namesAndValues) {
    return check(form, purpose, Map.of(), namesAndValues);
  }

  private static List<String> check(FormContract form, Purpose purpose, Map<String, Object> visible, Object... namesAndValues) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      submitted.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return form.check(submitted, List.of(), purpose, () -> new HashMap<>(visible), feel);
  }

  @Test
  void aDisabledOrReadOnlyFieldIsNotEditableAndOutcomeAndOpinionAlwaysAre() {
    FormContract form = form("""
        {"type": "textfield", "key": "applicationNo", "disabled": true},
        {"type": "textfield", "key": "receivingAgency", "readonly": true},
        {"type": "text", "text": "說明"},
        {"type": "textarea", "key": "findings"}""");

    assertThat(form.accepted()).containsExactly("findings", "outcome", "opinion");
    assertThat(check(form, Purpose.COMPLETE, "findings", "現場相符", "outcome", "AGREE", "opinion", "同意")).isEmpty();
    assertThat(check(form, Purpose.COMPLETE, "applicationNo", "2026-X", "receivingAgency", "ECON"))
        .containsExactly(
            "applicationNo：不是此表單可填的欄位 not a field this form lets anyone fill in",
            "receivingAgency：不是此表單可填的欄位 not a field this form lets anyone fill in");
  }

  @Test
  void valuesAreHeldToTheFieldsRules() {
    FormContract form = form("""
        {"type": "select", "key": "outcome", "values": [{"label": "同意", "value": "AGREE"}, {"label": "異議", "value": "OBJECT"}]},
        {"type": "textfield", "key": "ref", "validate": {"maxLength": 5, "pattern": "[A-Z0-9-]*"}},
        {"type": "number", "key": "days", "validate": {"min": 1, "max": 30}},
        {"type": "checkbox", "key": "urgent"},
        {"type": "datetime", "key": "at", "subtype": "datetime"},
        {"type": "checklist", "key": "agencies", "values": [{"value": "FIRE"}, {"value": "POLICE"}]}""");

    assertThat(check(form, Purpose.WRITE, "outcome", "AGREE", "ref", "A-1", "days", 30, "urgent", true,
        "at", "2026-12-01T10:00", "agencies", List.of("FIRE"))).isEmpty();
    assertThat(check(form, Purpose.WRITE, "outcome", "MAYBE", "ref", "abc123", "days", 31, "urgent", "yes",
        "at", "tomorrow", "agencies", List.of("ARMY")))
        .containsExactly(
            "outcome：須為 must be one of AGREE, OBJECT",
            "ref：超過 5 字 longer than 5 characters",
            "days：不得大於 must be at most 30",
            "urgent：須為是或否 must be true or false",
            "at：不是有效的日期時間 not a valid datetime",
            "agencies：須為 must be among FIRE, POLICE");
    assertThat(check(form, Purpose.WRITE, "ref", "ab")).containsExactly("ref：格式不符 does not match [A-Z0-9-]*");
    assertThat(check(form, Purpose.WRITE, "opinion", "x".repeat(4001)))
        .containsExactly("opinion：超過 4000 字 longer than 4000 characters");
  }

  @Test
  void aRequiredFieldMustHaveAValueWhenTheTaskCompletesUnlessItIsHidden() {
    FormContract form = form("""
        {"type": "number", "key": "amount"},
        {"type": "textarea", "key": "reason", "validate": {"required": true}, "conditional": {"hide": "=amount < 10"}},
        {"type": "textfield", "key": "place", "validate": {"required": true}}""");

    assertThat(check(form, Purpose.COMPLETE, "amount", 20, "place", "會議室"))
        .containsExactly("reason：必填 required");
    assertThat(check(form, Purpose.COMPLETE, "amount", 5, "place", "會議室")).isEmpty();
    assertThat(check(form, Purpose.COMPLETE, Map.of("place", "前次所填"), "amount", 5))
        .as("a value the task already shows counts").isEmpty();
    assertThat(check(form, Purpose.WRITE, "amount", 20)).as("a draft need not be complete").isEmpty();
  }

  @Test
  void aComputedFieldIsAcceptedOnlyWhenCompletingAndComputedOnTheServer() {
    FormContract form = form("""
        {"type": "number", "key": "amount"},
        {"type": "expression", "key": "fee", "expression": "=amount * 2", "computeOn": "change"}""");

    assertThat(check(form, Purpose.COMPLETE, "amount", 3, "fee", 999)).isEmpty();
    assertThat(check(form, Purpose.WRITE, "fee", 999)).containsExactly("fee：由系統計算 computed by the system");
    assertThat(FormContract.compute(form.computed().get(0), Map.of("amount", 3, "fee", 999), feel))
        .isEqualTo(6L);
  }

  @Test
  void whatAFormCannotBeHeldToIsAProblem() {
    FormContract form = form("""
        {"type": "html", "content": "<script>alert(1)</script>"},
        {"type": "iframe", "url": "https://example.com"},
        {"type": "textfield", "key": "who", "disabled": "=true"},
        {"type": "group", "path": "nested", "components": [{"type": "textfield", "key": "inner"}]},
        {"type": "expression", "key": "total"}""");

    assertThat(form.problems())
        .containsExactly(
            "html：不支援的元件 component type 'html' is not allowed",
            "iframe：不支援的元件 component type 'iframe' is not allowed",
            "who：disabled 須為 true 或 false must be true or false, not an expression",
            "group：群組不可另設資料路徑 a group may not nest its data under a path",
            "total：計算欄位沒有運算式 the computed field has no expression");
    assertThat(form.accepted()).doesNotContain("who", "total");
  }

  @Test
  void everyFormOfTheProjectCanBeHeldToItsContract() throws Exception {
    try (var files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        FormContract form = FormContract.parse(Files.readAllBytes(file));
        assertThat(form.problems()).as(file.toString()).isEmpty();
        assertThat(form.fields()).as(file + " lets a person choose an outcome").containsKey("outcome");
      }
    }
  }
}
