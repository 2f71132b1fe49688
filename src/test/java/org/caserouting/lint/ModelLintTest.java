package org.caserouting.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

class ModelLintTest {

  /** The names of the application's components and @Bean methods, as Spring will name them. */
  static Set<String> beanNames() {
    var scanner = new ClassPathScanningCandidateComponentProvider(true);
    var registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new HashSet<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("org.caserouting")) {
      names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry));
      try {
        for (Method method : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
          Bean bean = method.getAnnotation(Bean.class);
          if (bean != null) {
            names.addAll(bean.name().length > 0 ? List.of(bean.name()) : List.of(method.getName()));
          }
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return names;
  }

  @Test
  void modelsOfTheProjectAreFitToDeploy() {
    ModelLint lint = new ModelLint(Path.of("processes"), Path.of("dmn"), Path.of("forms"), beanNames());

    assertThat(lint.findings()).isEmpty();
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
    assertThat(configured).containsAll(offered);
  }

  @Test
  void findsEveryDefectAProcessOwnerCouldIntroduce() {
    Path broken = Path.of("src/test/resources/lint");
    ModelLint lint =
        new ModelLint(broken.resolve("processes"), broken.resolve("dmn"), broken.resolve("forms"), beanNames());

    assertThat(lint.findings())
        .containsExactlyInAnyOrder(
            "broken.bpmn: undrawnTask: has no diagram layout (open and save it in Camunda Modeler)",
            "broken.bpmn: broken: has no historyTimeToLive",
            "broken.bpmn: undrawnTask: user task has no candidate groups",
            "broken.bpmn: undrawnTask: user task has no form reference (camunda:formRef with a binding)",
            "broken.bpmn: undrawnTask: user task declares no outcomes (extension property 'outcomes')",
            "broken.bpmn: taskWithMissingForm: form 'no-such-form' is not in forms/",
            "broken.bpmn: taskWithMissingForm: unknown outcome 'MAYBE'",
            "broken.bpmn: taskWithMissingForm: delegate expression names no bean: 'noSuchListener'",
            "broken.bpmn: callMissingProcess: calls process 'no-such-process', which is not in processes/",
            "broken.bpmn: evaluateMissingDecision: evaluates decision 'noSuchDecision', which is not in dmn/",
            "broken.bpmn: delegateToNobody: delegate expression names no bean: 'noSuchBean'",
            "broken.dmn: undatedDecision: has no historyTimeToLive");
  }
}
