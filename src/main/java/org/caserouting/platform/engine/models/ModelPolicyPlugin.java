package org.caserouting.platform.engine.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Puts the model policy, and then every {@link DeploymentCheck}, in front of every deployment (the
 * repository's at start, Camunda Modeler's, any client's), before the engine parses or evaluates
 * anything in it; where clients may not deploy ({@link ModelDeploymentProperties}), refuses theirs
 * outright. It also shows
 * expressions only the beans the policy names. Deployments already in the database were checked
 * when they were made and are loaded as they are.
 */
@Component
public class ModelPolicyPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;
  private volatile ModelPolicy policy;
  private volatile ModelVocabulary vocabulary;

  ModelPolicyPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExposedBeans beans = new ExposedBeans(context, this::vocabulary);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));

    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(this::check);
    configuration.setCustomPreDeployers(deployers);
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    String client = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    if (client != null && !context.getBean(ModelDeploymentProperties.class).byClients()) {
      // The repository's deployment at start has no one signed in; a signed-in caller is a client.
      throw new DeploymentRefused(resources.keySet().stream().map(name -> new ModelPolicy.Violation(name, null,
          "此環境的模型只由版本庫發行，不接受用戶端部署 models here are released from the repository and deployed at"
              + " start; deployments from Camunda Modeler or any client are off (caserouting.models.deployments.by-clients)"))
          .toList());
    }
    List<ModelPolicy.Violation> violations = new ArrayList<>(policy().check(resources));
    if (violations.isEmpty()) {
      context.getBeanProvider(DeploymentCheck.class).orderedStream()
          .forEach(check -> violations.addAll(check.check(resources)));
    }
    if (!violations.isEmpty()) {
      throw new DeploymentRefused(violations);
    }
  }

  private ModelPolicy policy() {
    if (policy == null) {
      policy = new ModelPolicy(vocabulary());
    }
    return policy;
  }

  /** The application's delegate beans and the beans marked {@link ModelHelper}. */
  ModelVocabulary vocabulary() {
    if (vocabulary == null) {
      Set<String> delegates = new LinkedHashSet<>();
      for (Class<?> type : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
        delegates.addAll(List.of(context.getBeanNamesForType(type, false, false)));
      }
      Map<String, Class<?>> helpers = new TreeMap<>();
      for (String name : context.getBeanNamesForAnnotation(ModelHelper.class)) {
        helpers.put(name, ClassUtils.getUserClass(context.getType(name)));
      }
      vocabulary = ModelVocabulary.of(delegates, helpers);
    }
    return vocabulary;
  }
}
