package org.caserouting.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.caserouting.cases.CaseVariables;
import org.caserouting.catalog.AnswersReadByRules;
import org.caserouting.catalog.CatalogFiles;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.caserouting.support.ProjectVocabulary;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResourceLoader;

class ModelLintTest {

  private static final List<Class<?>> SHARED_VARIABLES = List.of(CaseVariables.class, TaskOutcome.class);

  @Test
  void modelsOfTheProjectAreFitToDeploy() {
    ModelLint lint = new ModelLint(Path.of("processes"), Path.of("dmn"), Path.of("forms"), ProjectVocabulary.scan());

    assertThat(lint.findings()).isEmpty();
  }

  @Test
  void everyModelAgreesWithItsBackingClass() {
    List<Class<?>> backing = BackingClassLint.scan();
    BackingClassLint lint = new BackingClassLint(Path.of("processes"), Path.of("forms"), backing, SHARED_VARIABLES);

    assertThat(backing).extracting(Class::getSimpleName).contains("SignOffProcess", "VerificationProcess");
    assertThat(lint.findings()).isEmpty();
  }

  @Test
  void everyCallPassesDownWhatTheCalledProcessReads() {
    CallInputLint lint = new CallInputLint(
        Path.of("processes"), Path.of("dmn"), Path.of("forms"), ProjectVocabulary.scan(), BackingClassLint.scan(),
        CaseVariables.class);

    assertThat(lint.findings()).isEmpty();
  }

  @Test
  void findsACallThatPassesTooLittleOrTooMuch() {
    Path calls = Path.of("src/test/resources/lint/calls");
    CallInputLint lint = new CallInputLint(calls.resolve("processes"), calls.resolve("dmn"), calls.resolve("forms"),
        ProjectVocabulary.scan(), List.of(), CaseVariables.class);

    assertThat(lint.findings()).containsExactlyInAnyOrder(
        "calls.bpmn: passEverything: passes every variable down (camunda:in variables=\"all\"); name those 'reviewer' reads",
        "calls.bpmn: forgetApplicant: does not pass 'applicantName', which 'reviewer' reads and does not set",
        "calls.bpmn: forgetApplicant: does not pass 'decisionKind', which 'reviewer' reads and does not set",
        "calls.bpmn: passTooMuch: passes 'applicantName' to 'contact-slip', which reads no such thing:"
            + " a confined process gets only its question");
  }

  @Test
  void findsEveryWayABackingClassAndItsModelDriftApart() {
    Path broken = Path.of("src/test/resources/lint");
    List<Class<?>> stale =
        List.of(StaleBackingClasses.Broken.class, StaleBackingClasses.Lanes.class, StaleBackingClasses.Removed.class);

    assertThat(new BackingClassLint(broken.resolve("processes"), broken.resolve("forms"), stale, SHARED_VARIABLES).findings())
        .containsExactlyInAnyOrder(
            "Broken.Elements.RENAMED: 'taskRenamedInTheModeler' is no element of broken.bpmn",
            "wrong-outcomes.form: undeclaredField: shown by broken.bpmn taskWithOtherOutcomes,"
                + " but declared neither in Broken.Variables nor in CaseVariables, TaskOutcome",
            "Removed: KEY 'no-longer-modelled' is no process in processes/");
    assertThat(new BackingClassLint(broken.resolve("processes"), broken.resolve("forms"), List.of(), SHARED_VARIABLES).findings())
        .containsExactlyInAnyOrder(
            "broken.bpmn: broken: has no backing class (a *Process class with its KEY, Elements and Variables)",
            "lanes.bpmn: lanes: has no backing class (a *Process class with its KEY, Elements and Variables)");
  }

  @Test
  void theReviewsShowWhichPartyDoesEachStep() {
    for (String review : List.of("vertical-escalated-approval", "horizontal-joint-review")) {
      var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(Path.of("processes", review + ".bpmn").toFile());
      assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Lane.class))
          .as(review).extracting(org.camunda.bpm.model.bpmn.instance.Lane::getName)
          .contains("申請人 Applicant").hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void everyDocumentTheCatalogSaysWeFetchIsFetchedForItsType() {
    assertThat(VerificationScopeLint.gaps(Path.of("dmn/verification-scope.dmn"), Path.of("src/main/resources/catalog")))
        .isEmpty();
  }

  @Test
  void everyTypeGetsOneChannelAndOneRouteFromTheTables() {
    assertThat(HandlingLint.gaps(Path.of("dmn/online-eligibility.dmn"), Path.of("src/main/resources/catalog"))).isEmpty();
    assertThat(HandlingLint.gaps(Path.of("dmn/routing.dmn"), Path.of("src/main/resources/catalog"))).isEmpty();
  }

  @Test
  void findsATypeNoRowGivesARoute() {
    List<String> gaps = HandlingLint.gaps(Path.of("src/test/resources/lint/handling/routing.dmn"), Path.of("src/main/resources/catalog"));

    assertThat(gaps).contains("case type SW-DISABILITY-CERTIFICATE: no row of routing.dmn gives it a route; it needs exactly"
        + " one, or it can never be applied for");
    assertThat(gaps).noneMatch(gap -> gap.startsWith("case type SW-LOW-INCOME:"));
  }

  @Test
  void everyAnswerARuleReadsIsAskedByEveryTypeTheRuleAppliesTo() throws Exception {
    CatalogFiles catalog = CatalogFiles.read(new FileSystemResourceLoader(), Path.of("src/main/resources/catalog").toUri().toString());
    try (var tables = Files.list(Path.of("dmn"))) {
      for (Path table : tables.filter(file -> file.toString().endsWith(".dmn")).toList()) {
        assertThat(AnswersReadByRules.gaps(catalog, AnswersReadByRules.of(Files.readAllBytes(table)))).as("%s", table).isEmpty();
      }
    }
  }

  @Test
  void findsARuleReadingAnAnswerItsTypesDoNotAsk() throws Exception {
    CatalogFiles catalog = CatalogFiles.read(new FileSystemResourceLoader(), Path.of("src/main/resources/catalog").toUri().toString());
    List<AnswersReadByRules.Read> reads =
        AnswersReadByRules.of(Files.readAllBytes(Path.of("src/test/resources/lint/answers/co-review.dmn")));

    assertThat(reads).singleElement().satisfies(read -> {
      assertThat(read.field()).isEqualTo("floorAreaSqm");
      assertThat(read.categories()).containsExactly("INDUSTRIAL_DEVELOPMENT");
    });
    assertThat(AnswersReadByRules.gaps(catalog, reads))
        .contains("case type IN-COMPANY-CHANGE: rule coReviewRuleAnswer of coReviewAgencies reads applicationData.floorAreaSqm,"
            + " which the type's applicationForm does not declare")
        .noneMatch(gap -> gap.startsWith("case type IN-FACTORY-REGISTRATION:") || gap.startsWith("case type IN-SPECIAL-ENTERTAINMENT:"))
        .allMatch(gap -> gap.startsWith("case type IN-"));
  }

  @Test
  void everyDecisionTableGivesTheAnswersItsExamplesKeep() {
    assertThat(new DecisionExamplesLint(Path.of("dmn")).findings()).isEmpty();
  }

  @Test
  void findsAnEditThatChangesAnAnswerAndATableWithoutExamples() {
    assertThat(new DecisionExamplesLint(Path.of("src/test/resources/lint/examples")).findings()).containsExactlyInAnyOrder(
        "co-review.dmn: has no examples (co-review.examples.yaml)",
        "routing.dmn: example '會辦 Joint review' expects [{route=HORIZONTAL}] but the table answers [{route=SINGLE_AGENCY}]");
  }

  @Test
  void findsADocumentPromisedButFetchedByNoRow() {
    List<String> gaps = VerificationScopeLint.gaps(
        Path.of("src/test/resources/lint/scope/verification-scope.dmn"), Path.of("src/main/resources/catalog"));

    assertThat(gaps)
        .contains(
            "case type SW-LOW-INCOME: INCOME_RECORD is GOV_DB_VERIFIABLE, but no row of verification-scope.dmn asks TAX"
                + " for income",
            "case type IN-SPECIAL-ENTERTAINMENT: BUILDING_USE_PERMIT is GOV_DB_VERIFIABLE, but no row of"
                + " verification-scope.dmn asks BUILDING for permittedUse or permitNo")
        .noneMatch(gap -> gap.contains("SW-LOW-INCOME: HOUSEHOLD_REGISTRATION"));
  }

  @Test
  void elementTemplateOffersOnlyConfiguredAgencyServices() throws Exception {
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    var configured = new HashSet<String>();
    yaml.readTree(Path.of("src/main/resources/application.yaml").toFile())
        .path("caserouting").path("verification").path("services").fieldNames().forEachRemaining(configured::add);
    var offered = new HashSet<String>();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (var template : json.readTree(Path.of("processes/.camunda/element-templates/agency-verification.json").toFile())) {
      for (var property : template.path("properties")) {
        if ("service".equals(property.path("binding").path("name").asText())) {
          property.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
        }
      }
    }

    assertThat(offered).isNotEmpty();
    assertThat(configured).as("every service offered is configured, and every one configured offered")
        .containsExactlyInAnyOrderElementsOf(offered);
  }

  @Test
  void findsEveryDefectAProcessOwnerCouldIntroduce() {
    Path broken = Path.of("src/test/resources/lint");
    ModelLint lint =
        new ModelLint(broken.resolve("processes"), broken.resolve("dmn"), broken.resolve("forms"), ProjectVocabulary.scan());

    assertThat(lint.findings())
        .containsExactlyInAnyOrder(
            "broken.bpmn: undrawnTask: has no diagram layout (open and save it in Camunda Modeler)",
            "broken.bpmn: broken: has no historyTimeToLive",
            "broken.bpmn: undrawnTask: user task has no candidate groups",
            "broken.bpmn: undrawnTask: user task has no due date (camunda:dueDate)",
            "broken.bpmn: taskWithMissingForm: user task has no due date (camunda:dueDate)",
            "broken.bpmn: taskWithOtherOutcomes: user task has no due date (camunda:dueDate)",
            "broken.bpmn: legacyHtmlForm: user task has no due date (camunda:dueDate)",
            "broken.bpmn: undrawnTask: user task has no form reference (camunda:formRef with a binding)",
            "broken.bpmn: undrawnTask: user task declares no outcomes (extension property 'outcomes')",
            "broken.bpmn: taskWithMissingForm: form 'no-such-form' is not in forms/",
            "broken.bpmn: taskWithMissingForm: unknown outcome 'MAYBE'",
            "broken.bpmn: taskWithMissingForm: camunda:delegateExpression ${noSuchListener}：「noSuchListener」不是可用的委派元件 is not a delegate models may use",
            "broken.bpmn: callMissingProcess: calls process 'no-such-process', which is not in processes/",
            "broken.bpmn: callMissingProcess: calls 'no-such-process' bound to 'latest': bind it to its deployment"
                + " (camunda:calledElementBinding=\"deployment\")",
            "broken.bpmn: taskWithMissingForm: binds form 'no-such-form' to 'latest': bind it to its deployment"
                + " (camunda:formRefBinding=\"deployment\")",
            "broken.bpmn: taskWithOtherOutcomes: binds form 'wrong-outcomes' to 'latest': bind it to its deployment"
                + " (camunda:formRefBinding=\"deployment\")",
            "broken.bpmn: evaluateMissingDecision: evaluates decision 'noSuchDecision', which is not in dmn/",
            "broken.bpmn: delegateToNobody: camunda:delegateExpression ${noSuchBean}：「noSuchBean」不是可用的委派元件 is not a delegate models may use",
            "broken.bpmn: timerCallingTheEngine: timeDate ${runtimeService.createProcessInstanceQuery().count() > 0 ? '2030-01-01T00:00:00' : null}：不可呼叫方法 this method may not be called: runtimeService.createProcessInstanceQuery().count()",
            "broken.bpmn: runScript: 不可使用指令碼任務 script tasks are not allowed: they run code in the engine",
            "broken.bpmn: runJavaClass: 不可指定 Java 類別 camunda:class is not allowed: name a delegate bean with camunda:delegateExpression",
            "broken.bpmn: legacyHtmlForm: 不可使用內嵌或外部表單 embedded and external forms (camunda:formKey) are not allowed: bind a Camunda Form with camunda:formRef",
            "broken.bpmn: legacyHtmlForm: user task has no form reference (camunda:formRef with a binding)",
            "broken.dmn: someInputExpression: 決策表只能使用 FEEL decision tables are evaluated in FEEL only, not 'juel'",
            "steering-field.form: receivingAgency: an editable field may not be named as something a model steers by",
            "broken.bpmn: taskWithOtherOutcomes: form 'wrong-outcomes' offers outcomes [APPROVE], the task declares [APPROVE, REJECT]",
            "wrong-outcomes.form: wrong-outcomes: html：不支援的元件 component type 'html' is not allowed",
            "broken.dmn: undatedDecision: has no historyTimeToLive",
            "lanes.bpmn: startedTwice: is in 2 lanes, not in one",
            "lanes.bpmn: nobodysEnd: is in 0 lanes, not in one");
  }
}
