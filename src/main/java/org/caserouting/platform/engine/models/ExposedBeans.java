package org.caserouting.platform.engine.models;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;

/**
 * The beans expressions can reach: the delegates and helpers of {@link ModelVocabulary}, looked
 * up in the application context when first used (the engine is built before most of them exist).
 * No other bean of the application is visible to a model, whatever its expressions name.
 */
final class ExposedBeans extends AbstractMap<Object, Object> {

  private final ApplicationContext context;
  private final Supplier<ModelVocabulary> vocabulary;

  ExposedBeans(ApplicationContext context, Supplier<ModelVocabulary> vocabulary) {
    this.context = context;
    this.vocabulary = vocabulary;
  }

  @Override
  public boolean containsKey(Object name) {
    return name instanceof String bean && vocabulary.get().beanNames().contains(bean);
  }

  @Override
  public Object get(Object name) {
    return containsKey(name) ? context.getBean((String) name) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
    for (String name : vocabulary.get().beanNames()) {
      entries.add(new SimpleImmutableEntry<>(name, context.getBean(name)));
    }
    return entries;
  }
}
