package org.caserouting.support;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.caserouting.platform.engine.models.ModelHelper;
import org.caserouting.platform.engine.models.ModelVocabulary;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The model vocabulary as the service will have it, read from the code without starting it: the
 * components and {@code @Bean} methods that are delegates or listeners, and the components marked
 * {@link ModelHelper}, under the names Spring gives them.
 */
public final class ProjectVocabulary {

  private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

  private ProjectVocabulary() {}

  public static ModelVocabulary scan() {
    var scanner = new ClassPathScanningCandidateComponentProvider(true);
    var registry = new SimpleBeanDefinitionRegistry();
    Set<String> delegates = new TreeSet<>();
    Map<String, Class<?>> helpers = new TreeMap<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("org.caserouting")) {
      String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry);
      Class<?> type = load(definition.getBeanClassName());
      if (delegate(type)) {
        delegates.add(name);
      }
      if (type.isAnnotationPresent(ModelHelper.class)) {
        helpers.put(name, type);
      }
      for (Method method : type.getDeclaredMethods()) {
        Bean bean = method.getAnnotation(Bean.class);
        if (bean != null && delegate(method.getReturnType())) {
          delegates.addAll(bean.name().length > 0 ? List.of(bean.name()) : List.of(method.getName()));
        }
      }
    }
    return ModelVocabulary.of(delegates, helpers);
  }

  private static boolean delegate(Class<?> type) {
    return DELEGATE_TYPES.stream().anyMatch(delegateType -> delegateType.isAssignableFrom(type));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
