package org.caserouting.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Adds our interceptors to the engine's two command chains (a transaction joined, and one of its
 * own). Each chain gets its own instance: an interceptor holds the next one of the chain it is in,
 * so one instance in both would send the first chain's commands down the second.
 */
public final class Interceptors {

  private Interceptors() {}

  /** Before the engine opens its transaction and command context. */
  public static void before(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        append(configuration.getCustomPreCommandInterceptorsTxRequired(), interceptor.get()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), interceptor.get()));
  }

  /** Inside the engine's command context, just before the command runs. */
  public static void inside(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        append(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor.get()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor.get()));
  }

  private static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> all = new ArrayList<>();
    if (existing != null) {
      all.addAll(existing);
    }
    all.add(interceptor);
    return all;
  }
}
